using Arbiter.Core.Chat;
using Arbiter.Core.Keys;

namespace Arbiter.Core.Budgets;

/// <summary>
/// One admitted request's account: who it is for, what it reserved, what it has spent so far. The request's end
/// settles it once (reservation released, actual cost spent); <see cref="CostGovernor"/> consults and extends it for
/// extra calls. Thread-safe: a parallel mode may record calls from several tasks.
/// </summary>
public sealed class AdmissionTicket
{
    private readonly SpendLedger? _ledger;
    private readonly ScopeLedger? _keyScope, _teamScope;
    private readonly Lock _gate = new();
    private decimal _reserved, _spent;
    private long _reservedTokens;
    private bool _settled;

    internal AdmissionTicket(SpendLedger? ledger, VirtualKey? key, Team? team, ScopeLedger? keyScope, ScopeLedger? teamScope,
        decimal reserved, long tokens, decimal? maxRequestCost, int? maxExtraCallsPerMinute)
    {
        _ledger = ledger;
        Key = key;
        Team = team;
        _keyScope = keyScope;
        _teamScope = teamScope;
        _reserved = reserved;
        _reservedTokens = tokens;
        MaxRequestCostUsd = maxRequestCost;
        MaxExtraCallsPerMinute = maxExtraCallsPerMinute;
    }

    /// <summary>A request with no key, no limits and no cap: nothing to count.</summary>
    public static AdmissionTicket Unlimited { get; } = new(null, null, null, null, null, 0, 0, null, null);

    public VirtualKey? Key { get; }
    public Team? Team { get; }
    /// <summary>The lower of the configured and the key's per-request cost cap; null = none.</summary>
    public decimal? MaxRequestCostUsd { get; }
    public int? MaxExtraCallsPerMinute { get; }
    internal ScopeLedger? KeyScope => _keyScope;
    internal ScopeLedger? TeamScope => _teamScope;

    public decimal ReservedUsd { get { lock (_gate) return _reserved; } }
    /// <summary>Spent by the calls recorded so far (<see cref="RecordCall"/>).</summary>
    public decimal SpentUsd { get { lock (_gate) return _spent; } }

    /// <summary>Adds a finished call's cost (unpriced calls add nothing and are reported unpriced by the log).</summary>
    public void RecordCall(decimal? costUsd)
    {
        if (costUsd is not decimal c) return;
        lock (_gate) _spent += c;
    }

    internal void AddReservation(decimal amount)
    {
        lock (_gate) _reserved += amount;
    }

    /// <summary>
    /// Ends the request: releases the reservation and spends <paramref name="totalCostUsd"/> (the cost of every call
    /// it made); TPM is corrected to the reported tokens. Only the first call counts. An answer served without any
    /// reported usage (an upstream that ignores include_usage) is charged its reservation: an upper bound, so a
    /// budget cannot be walked past by answers nobody counted.
    /// </summary>
    public void Settle(decimal? totalCostUsd, TokenUsage? usage, bool servedWithoutUsage = false)
    {
        decimal reserved;
        lock (_gate)
        {
            if (_settled) return;
            _settled = true;
            reserved = _reserved;
        }
        if (_ledger is null) return;
        var now = _ledger.Time.GetUtcNow();
        var cost = totalCostUsd ?? (servedWithoutUsage ? reserved : 0m);
        var correction = usage is null ? 0 : usage.TotalTokens - _reservedTokens;
        _keyScope?.Settle(reserved, cost, correction, now);
        _teamScope?.Settle(reserved, cost, correction, now);
    }
}
