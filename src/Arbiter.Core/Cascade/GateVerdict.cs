using Arbiter.Core.Execution;

namespace Arbiter.Core.Cascade;

/// <summary>A gate's answer: passed or not, a short reason, and what checking cost (a judge call) in USD and attempts.</summary>
public sealed record GateVerdict(bool Passed, string? Reason = null)
{
    public decimal? CostUsd { get; init; }
    /// <summary>A score from 0 to 1 when the gate computes one (judge, scorer).</summary>
    public double? Score { get; init; }
    public IReadOnlyList<Attempt> Attempts { get; init; } = [];

    public static readonly GateVerdict Pass = new(true);

    public static GateVerdict Fail(string reason) => new(false, reason);
}
