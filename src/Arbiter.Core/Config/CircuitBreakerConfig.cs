namespace Arbiter.Core.Config;

/// <summary>
/// One circuit breaker per deployment: when the failure ratio over the sampling window reaches the threshold, the
/// deployment is skipped for the break, then one probe request decides whether it is back.
/// </summary>
public sealed record CircuitBreakerConfig
{
    public bool Enabled { get; init; } = true;
    /// <summary>Failed share of calls that opens the circuit (0-1]. Default <see cref="ConfigDefaults.BreakerFailureRatio"/>.</summary>
    public double FailureRatio { get; init; } = ConfigDefaults.BreakerFailureRatio;
    /// <summary>Calls in the window before the ratio counts (at least 2). Default <see cref="ConfigDefaults.BreakerMinimumThroughput"/>.</summary>
    public int MinimumThroughput { get; init; } = ConfigDefaults.BreakerMinimumThroughput;
    /// <summary>The window the ratio is computed over. Default <see cref="ConfigDefaults.BreakerSamplingSeconds"/>.</summary>
    public double SamplingSeconds { get; init; } = ConfigDefaults.BreakerSamplingSeconds;
    /// <summary>How long an open circuit skips the deployment. Default <see cref="ConfigDefaults.BreakerBreakSeconds"/>.</summary>
    public double BreakSeconds { get; init; } = ConfigDefaults.BreakerBreakSeconds;
}
