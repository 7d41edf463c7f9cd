namespace Arbiter.Core.Kpis;

/// <summary>
/// A KPI of one model or task type that moved past its threshold against the baseline window
/// (<see cref="DriftMetrics"/> names the metric). Raised once, cleared when it comes back.
/// </summary>
public sealed record DriftAlert(string Dimension, string Key, string Metric, double Baseline, double Current, double Threshold)
{
    public DateTimeOffset Since { get; init; }

    /// <summary>Identifies the alert across evaluations.</summary>
    public string Id => $"{Dimension}:{Key}:{Metric}";
}
