using Arbiter.Core.Chat;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>
/// Every call one composite request made or was refused, in order, with the budget they are settled on; totals cost
/// and usage. Thread-safe: parallel members finish concurrently.
/// </summary>
public sealed class CallLedger(FanOutBudget budget)
{
    private readonly Lock _gate = new();
    private readonly List<(ModelCall? Call, CallRecord Record)> _entries = [];

    public FanOutBudget Budget { get; } = budget;

    public void Add(ModelCall call, decimal? reserved)
    {
        Budget.Settle(reserved, call.CostUsd);
        lock (_gate) _entries.Add((call, call.ToRecord()));
    }

    public void Refused(string role, string target, string reason)
    {
        lock (_gate) _entries.Add((null, new CallRecord(role, target, null, 0m, 0, null, null) { Note = "refused: " + reason }));
    }

    /// <summary>A call stopped because it was no longer needed (another member answered first).</summary>
    public void Cancelled(string role, string target, string why)
    {
        lock (_gate) _entries.Add((null, new CallRecord(role, target, null, null, 0, null, null) { Note = "cancelled: " + why }));
    }

    /// <summary>Marks what became of a call ("chosen", "cancelled" ...).</summary>
    public void Note(ModelCall call, string note)
    {
        lock (_gate)
            for (var i = 0; i < _entries.Count; i++)
                if (ReferenceEquals(_entries[i].Call, call)) _entries[i] = (call, _entries[i].Record with { Note = note });
    }

    public IReadOnlyList<CallRecord> Records { get { lock (_gate) return _entries.Select(e => e.Record).ToList(); } }

    public IReadOnlyList<ModelCall> Calls { get { lock (_gate) return _entries.Where(e => e.Call is not null).Select(e => e.Call!).ToList(); } }

    /// <summary>USD over every call made; null when a call that was paid for had no price (unpriced, never $0).</summary>
    public decimal? TotalCostUsd => Sum(Calls);

    /// <summary>USD over every call but <paramref name="answer"/> (the one whose answer was returned): the redundant fan-out.</summary>
    public decimal? FanOutCostUsd(ModelCall? answer) => Sum(Calls.Where(c => !ReferenceEquals(c, answer)));

    /// <summary>USD over every call whose answer was not used.</summary>
    public decimal? FanOutCostUsd(IReadOnlyCollection<ModelCall> used) => Sum(Calls.Where(c => !used.Any(u => ReferenceEquals(u, c))));

    public TokenUsage TotalUsage
    {
        get
        {
            long input = 0, output = 0, cached = 0, writes = 0, reasoning = 0;
            foreach (var c in Calls)
                if (c.Usage is { } u)
                {
                    input += u.InputTokens; output += u.OutputTokens; cached += u.CachedInputTokens;
                    writes += u.CacheWriteTokens; reasoning += u.ReasoningTokens;
                }
            return new TokenUsage { InputTokens = input, OutputTokens = output, CachedInputTokens = cached, CacheWriteTokens = writes, ReasoningTokens = reasoning };
        }
    }

    private static decimal? Sum(IEnumerable<ModelCall> calls)
    {
        decimal total = 0;
        foreach (var c in calls)
        {
            if (c.CostUsd is decimal cost) total += cost;
            else if (c.Usage is not null) return null;
        }
        return total;
    }
}
