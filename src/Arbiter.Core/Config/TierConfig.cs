namespace Arbiter.Core.Config;

/// <summary>A class of models with a quality bar, a p95 latency target and a cost priority (read by tier routing).</summary>
public sealed record TierConfig
{
    /// <summary>A model qualifies only while its observed p95 latency is at most this; unknown until it has samples.</summary>
    public double? LatencyP95Ms { get; init; }
    /// <summary>A model qualifies only when its measured quality for the task (see <c>quality:</c>) is at least this.</summary>
    public double? QualityBar { get; init; }
    /// <summary>
    /// 0 to 1: how much price weighs against quality among qualifying models. 1 (default) = the cheapest qualifying
    /// model; 0 = the best qualifying model whatever it costs.
    /// </summary>
    public double CostPriority { get; init; } = ConfigDefaults.TierCostPriority;
    public bool SelfHosted { get; init; }
}
