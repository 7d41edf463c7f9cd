namespace Arbiter.Core.Config;

/// <summary>
/// Timeouts of upstream calls. One call's bound, first byte to last, stays <c>server.upstream_timeout_seconds</c>.
/// </summary>
public sealed record TimeoutsConfig
{
    /// <summary>Opening a TCP (and TLS) connection to an upstream. Default <see cref="ConfigDefaults.ConnectTimeoutSeconds"/>.</summary>
    public double ConnectSeconds { get; init; } = ConfigDefaults.ConnectTimeoutSeconds;
    /// <summary>A stream's first chunk, per attempt. Default <see cref="ConfigDefaults.FirstByteTimeoutSeconds"/>.</summary>
    public double FirstByteSeconds { get; init; } = ConfigDefaults.FirstByteTimeoutSeconds;
    /// <summary>Longest silence between two chunks of a stream. Default <see cref="ConfigDefaults.StreamIdleTimeoutSeconds"/>.</summary>
    public double StreamIdleSeconds { get; init; } = ConfigDefaults.StreamIdleTimeoutSeconds;
    /// <summary>
    /// The whole request until an answer is there (a completion, or a stream's first chunk): every retry, fallback and
    /// hedge included. Default <see cref="ConfigDefaults.TotalTimeoutSeconds"/>.
    /// </summary>
    public double TotalSeconds { get; init; } = ConfigDefaults.TotalTimeoutSeconds;
}
