namespace Arbiter.Core.Config;

/// <summary>A class of models with a quality bar and latency target (used by routing).</summary>
public sealed record TierConfig
{
    public double? LatencyP95Ms { get; init; }
    public double? QualityBar { get; init; }
    public bool SelfHosted { get; init; }
}
