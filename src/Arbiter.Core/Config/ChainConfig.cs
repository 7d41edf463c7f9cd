namespace Arbiter.Core.Config;

/// <summary>A declarative pipeline run by <c>POST /v1/chains/NAME/runs</c>, under <c>chains.NAME</c>.</summary>
public sealed record ChainConfig
{
    public List<ChainStepConfig> Steps { get; init; } = [];
    /// <summary>Most the whole run may spend, USD; null = no cap.</summary>
    public decimal? MaxCostUsd { get; init; }
    /// <summary>Most the whole run may take, milliseconds; null = no cap.</summary>
    public double? MaxLatencyMs { get; init; }
}
