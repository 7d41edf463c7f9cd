namespace Arbiter.Core.Config;

/// <summary>
/// When a model's or task type's KPI has drifted: the recent window against the baseline window just before it.
/// Defaults live in <see cref="ConfigDefaults"/>.
/// </summary>
public sealed record DriftConfig
{
    /// <summary>Check every this many seconds; 0 turns drift alerts off. Default <see cref="ConfigDefaults.DriftIntervalSeconds"/>.</summary>
    public double IntervalSeconds { get; init; } = ConfigDefaults.DriftIntervalSeconds;
    /// <summary>The recent window. Default <see cref="ConfigDefaults.DriftWindowMinutes"/>.</summary>
    public double WindowMinutes { get; init; } = ConfigDefaults.DriftWindowMinutes;
    /// <summary>The baseline window, ending where the recent one starts. Default <see cref="ConfigDefaults.DriftBaselineMinutes"/>.</summary>
    public double BaselineMinutes { get; init; } = ConfigDefaults.DriftBaselineMinutes;
    /// <summary>Fewer requests than this in either window: no verdict. Default <see cref="ConfigDefaults.DriftMinRequests"/>.</summary>
    public int MinRequests { get; init; } = ConfigDefaults.DriftMinRequests;
    /// <summary>Alert when mean quality falls by more than this (0-1 scale). Default <see cref="ConfigDefaults.DriftQualityDrop"/>.</summary>
    public double QualityDrop { get; init; } = ConfigDefaults.DriftQualityDrop;
    /// <summary>Alert when p95 latency rises by more than this share (0.5 = 50%). Default <see cref="ConfigDefaults.DriftLatencyIncrease"/>.</summary>
    public double LatencyIncrease { get; init; } = ConfigDefaults.DriftLatencyIncrease;
    /// <summary>Alert when the fallback rate rises by more than this (0.05 = 5 points). Default <see cref="ConfigDefaults.DriftFallbackIncrease"/>.</summary>
    public double FallbackIncrease { get; init; } = ConfigDefaults.DriftFallbackIncrease;
}
