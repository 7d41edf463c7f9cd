namespace Arbiter.Core.Config;

/// <summary>
/// An orchestrator and its workers (<c>model: "orchestrate:NAME"</c>), under <c>orchestrators.NAME</c>: the
/// orchestrator plans sub-tasks, workers answer them, the orchestrator checks each result and composes the answer.
/// </summary>
public sealed record OrchestratorConfig
{
    /// <summary>The model that plans, checks and composes.</summary>
    public string Model { get; init; } = "";
    /// <summary>
    /// Where sub-tasks go when the plan names no tier: a route or model. Default: the cheapest model of the tier
    /// the plan names, else of the first tier.
    /// </summary>
    public string? Workers { get; init; }
    /// <summary>Most sub-tasks a plan may have (extra ones are dropped). Default 4.</summary>
    public int MaxSubtasks { get; init; } = ConfigDefaults.OrchestratorMaxSubtasks;
    /// <summary>Most tries per sub-task (first try, retries and escalations). Default 3.</summary>
    public int MaxAttempts { get; init; } = ConfigDefaults.OrchestratorMaxAttempts;
    /// <summary>
    /// What happens when a sub-task's result was never accepted (escalated past the strongest model, out of attempts,
    /// or its check refused by the governor): <c>fail</c> (default) answers 502 <c>orchestration_incomplete</c> naming
    /// the sub-tasks; <c>disclose</c> composes the accepted results and has the answer say which sub-tasks are not done.
    /// </summary>
    public string OnIncomplete { get; init; } = ConfigDefaults.OrchestratorOnIncomplete;
    /// <summary>Most the whole task may spend, USD; null = only the global cap applies.</summary>
    public decimal? MaxCostUsd { get; init; }
}
