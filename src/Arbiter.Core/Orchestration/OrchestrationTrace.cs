using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration;

/// <summary>
/// What a composite request (ensemble, chain, session turn, orchestration) did, as the request log keeps it: every
/// call with its role and cost, the disagreement and escalation, and the details (plan, delegations, verdicts, step
/// results) as the JSON the response's <c>arbiter</c> field carries.
/// </summary>
public sealed record OrchestrationTrace(string Mode, string Name)
{
    /// <summary>The mode's own strategy: an ensemble's mode (vote, judge ...), "run" for a chain.</summary>
    public string? Strategy { get; init; }
    public double? Disagreement { get; init; }
    /// <summary>The disagreement was above the threshold (whether or not a supervisor could decide).</summary>
    public bool DisagreementAboveThreshold { get; init; }
    public bool Escalated { get; init; }
    public string? EscalationReason { get; init; }
    /// <summary>USD spent on calls other than the one whose answer was returned; null when a call was unpriced.</summary>
    public decimal? FanOutCostUsd { get; init; }
    public IReadOnlyList<CallRecord> Calls { get; init; } = [];
    /// <summary>The response metadata as JSON text.</summary>
    public string? DetailsJson { get; init; }
}
