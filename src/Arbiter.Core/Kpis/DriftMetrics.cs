namespace Arbiter.Core.Kpis;

/// <summary>The KPIs watched for drift.</summary>
public static class DriftMetrics
{
    /// <summary>Mean quality fell by more than the threshold (absolute, on the 0-1 scale).</summary>
    public const string Quality = "quality";
    /// <summary>p95 latency rose by more than the threshold (relative: 0.5 = 50% slower).</summary>
    public const string LatencyP95 = "latency_p95";
    /// <summary>Fallback rate rose by more than the threshold (absolute: 0.05 = 5 points).</summary>
    public const string FallbackRate = "fallback_rate";
}
