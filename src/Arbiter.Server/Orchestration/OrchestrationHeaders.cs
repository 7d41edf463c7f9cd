namespace Arbiter.Server.Orchestration;

/// <summary>The response headers of composite requests (ensembles, orchestrations), beside <c>ArbiterHeaders</c>.</summary>
public static class OrchestrationHeaders
{
    public const string Mode = "x-arbiter-mode";
    /// <summary>How much the answers disagreed, 0 to 1 (absent when not measured).</summary>
    public const string Disagreement = "x-arbiter-disagreement";
    /// <summary>"true" when a supervisor decided (or a step or sub-task moved to a stronger model).</summary>
    public const string Escalated = "x-arbiter-escalated";
    /// <summary>Orchestrations: "false" when a sub-task is not done (<c>on_incomplete: disclose</c>), else "true".</summary>
    public const string Complete = "x-arbiter-complete";
    /// <summary>USD spent on calls other than the one whose answer was returned.</summary>
    public const string FanOutCostUsd = "x-arbiter-fan-out-cost-usd";
}
