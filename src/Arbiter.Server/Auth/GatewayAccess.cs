using Arbiter.Core.Budgets;
using Arbiter.Core.Config;
using Arbiter.Core.Keys;
using Arbiter.Core.Tokens;
using Arbiter.Storage;

namespace Arbiter.Server.Auth;

/// <summary>
/// Keys, limits and spend for the running gateway: the in-memory <see cref="KeyRing"/> the request path reads, the
/// ledger budgets are kept in, and the store both are loaded from. Built once; <see cref="ReloadKeysAsync"/> after
/// every change and on a timer (other instances may change the store).
/// </summary>
public sealed class GatewayAccess
{
    public GatewayAccess(ArbiterConfig config, ArbiterStorage storage, TimeProvider time, Func<string, string?> environment)
    {
        Storage = storage;
        Time = time;
        MasterKey = SecretReference.Resolve(config.Auth.MasterKey, environment);
        Ledger = new SpendLedger(time);
        Admission = new AdmissionControl(Ledger, TiktokenEstimator.Shared, config.Accounting);
        Governor = new CostGovernor(time);
        Keys = new KeyFactory(time);
        _reservedOutputTokens = config.Accounting.ReservedOutputTokens;
    }

    private readonly int _reservedOutputTokens;

    public ArbiterStorage Storage { get; }
    public TimeProvider Time { get; }
    /// <summary>Null when no master key is configured: authentication off, admin API closed.</summary>
    public string? MasterKey { get; }
    public bool AuthEnabled => MasterKey is not null;
    public KeyRing Ring { get; } = new();
    public SpendLedger Ledger { get; }
    public AdmissionControl Admission { get; }
    public CostGovernor Governor { get; }
    public KeyFactory Keys { get; }

    /// <summary>The cost governor's gate for one request that fans out.</summary>
    public RequestBudget BudgetFor(AdmissionTicket ticket) => new(ticket, Governor, TiktokenEstimator.Shared, _reservedOutputTokens);

    /// <summary>Every key the store has, revoked ones included (for the admin API and the spend rebuild).</summary>
    public IReadOnlyList<VirtualKey> AllKeys { get; private set; } = [];

    public async Task ReloadKeysAsync(CancellationToken cancellationToken)
    {
        var keys = await Storage.Keys.LoadKeysAsync(cancellationToken).ConfigureAwait(false);
        var teams = await Storage.Keys.LoadTeamsAsync(cancellationToken).ConfigureAwait(false);
        Ring.Replace(keys, teams);
        AllKeys = keys;
    }

    /// <summary>Start-up: keys into memory, then this month's spend back into the ledger so budgets survive restarts.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ReloadKeysAsync(cancellationToken).ConfigureAwait(false);
        if (Storage.Spend is not { } spend) return;
        var totals = await spend.SpendByKeySinceAsync(BudgetPeriods.MonthStart(Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        var byId = AllKeys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        Ledger.Restore(totals, id => byId.GetValueOrDefault(id));
    }
}
