using System.Globalization;
using Arbiter.Core.Keys;

namespace Arbiter.Core.Budgets;

/// <summary>
/// One key's or one team's running state: spend today and this month, money reserved by requests in flight, and
/// the per-minute counts for RPM, TPM and extra calls. Each scope has its own lock, held for a few arithmetic
/// operations; no lock spans scopes, so requests of different keys never wait on each other.
/// </summary>
public sealed class ScopeLedger(string label)
{
    private readonly Lock _gate = new();
    private int _day, _month;
    private decimal _daySpent, _monthSpent, _reserved;
    private SlidingMinute _requests, _tokens, _extraCalls;

    /// <summary>How the scope is named in messages: <c>key 'ci' (key_1a2b)</c> or <c>team 'research'</c>.</summary>
    public string Label { get; } = label;

    public (decimal Today, decimal Month, decimal Reserved) Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            return (_daySpent, _monthSpent, _reserved);
        }
    }

    /// <summary>Admits one request: checks RPM, TPM and both budgets, then counts it and reserves <paramref name="reserve"/>.</summary>
    /// <returns>Null when admitted; otherwise why not (nothing was counted).</returns>
    public Refusal? TryAdmit(KeyLimits limits, decimal reserve, long tokens, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            if (limits.Rpm is int rpm && _requests.Estimate(now) + 1 > rpm)
                return Refusal.Rate($"{Label} is at its limit of {rpm} requests per minute", SlidingMinute.UntilNextMinute(now));
            if (limits.Tpm is long tpm && tokens > 0 && _tokens.Estimate(now) + tokens > tpm)
                return Refusal.Rate($"{Label} is at its limit of {tpm} tokens per minute (this request: about {tokens})", SlidingMinute.UntilNextMinute(now));
            if (CheckBudgets(limits, reserve, now) is { } over) return over;
            _requests.Add(1, now);
            _tokens.Add(tokens, now);
            _reserved += reserve;
            return null;
        }
    }

    /// <summary>Reserves more for a request already admitted (an extra fan-out call).</summary>
    public Refusal? TryReserveMore(KeyLimits limits, decimal amount, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            if (CheckBudgets(limits, amount, now) is { } over) return over;
            _reserved += amount;
            return null;
        }
    }

    /// <summary>Counts one extra call against the per-minute cap.</summary>
    public Refusal? TryTakeExtraCall(int? perMinute, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (perMinute is int cap && _extraCalls.Estimate(now) + 1 > cap)
                return Refusal.Rate($"{Label} is at its limit of {cap} extra (fan-out) calls per minute", SlidingMinute.UntilNextMinute(now));
            _extraCalls.Add(1, now);
            return null;
        }
    }

    /// <summary>Ends a request: its reservation is released and its actual cost spent; TPM corrected to the reported tokens.</summary>
    public void Settle(decimal reserved, decimal actual, long tokenCorrection, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            _reserved = Math.Max(0, _reserved - reserved);
            _daySpent += actual;
            _monthSpent += actual;
            if (tokenCorrection != 0) _tokens.Add(tokenCorrection, now);
        }
    }

    /// <summary>Undoes an admission whose sibling scope refused (key admitted, team refused).</summary>
    public void Undo(decimal reserved, long tokens, DateTimeOffset now)
    {
        lock (_gate)
        {
            _reserved = Math.Max(0, _reserved - reserved);
            _requests.Add(-1, now);
            _tokens.Add(-tokens, now);
        }
    }

    /// <summary>Spend read back from the request log at start-up.</summary>
    public void AddHistoricSpend(DateTimeOffset day, decimal amount, DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            if (BudgetPeriods.MonthOf(day) == _month) _monthSpent += amount;
            if (BudgetPeriods.DayOf(day) == _day) _daySpent += amount;
        }
    }

    private Refusal? CheckBudgets(KeyLimits limits, decimal amount, DateTimeOffset now)
    {
        if (limits.DailyBudgetUsd is decimal daily && _daySpent + _reserved + amount > daily)
            return Refusal.Budget(Describe("daily", daily, _daySpent, amount, BudgetPeriods.NextDay(now)), BudgetPeriods.NextDay(now) - now);
        if (limits.MonthlyBudgetUsd is decimal monthly && _monthSpent + _reserved + amount > monthly)
            return Refusal.Budget(Describe("monthly", monthly, _monthSpent, amount, BudgetPeriods.NextMonth(now)), BudgetPeriods.NextMonth(now) - now);
        return null;
    }

    private string Describe(string period, decimal limit, decimal spent, decimal amount, DateTimeOffset resets) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Label} has reached its {period} budget of ${limit}: spent ${Math.Round(spent, 6)}, reserved by requests in flight ${Math.Round(_reserved, 6)}, this request needs up to ${Math.Round(amount, 6)}. The budget resets at {resets:yyyy-MM-ddTHH:mm}Z.");

    private void Roll(DateTimeOffset now)
    {
        var day = BudgetPeriods.DayOf(now);
        if (day == _day) return;
        var month = BudgetPeriods.MonthOf(now);
        _daySpent = 0;
        if (month != _month) _monthSpent = 0;
        _day = day;
        _month = month;
    }
}
