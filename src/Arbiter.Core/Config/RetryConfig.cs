namespace Arbiter.Core.Config;

/// <summary>Retries on the same deployment: exponential backoff with jitter, Retry-After honoured, a count per error class.</summary>
public sealed record RetryConfig
{
    /// <summary>First backoff delay; doubles each retry. Default <see cref="ConfigDefaults.RetryBaseDelayMs"/>.</summary>
    public double BaseDelayMs { get; init; } = ConfigDefaults.RetryBaseDelayMs;
    /// <summary>Longest backoff delay. Default <see cref="ConfigDefaults.RetryMaxDelayMs"/>.</summary>
    public double MaxDelayMs { get; init; } = ConfigDefaults.RetryMaxDelayMs;
    /// <summary>
    /// An upstream asking to wait longer than this (Retry-After) is not retried: the next deployment or model is tried
    /// at once instead. Default <see cref="ConfigDefaults.RetryMaxRetryAfterSeconds"/>.
    /// </summary>
    public double MaxRetryAfterSeconds { get; init; } = ConfigDefaults.RetryMaxRetryAfterSeconds;
    /// <summary>
    /// Retries per error class (rate_limited, upstream_error, upstream_timeout, upstream_unavailable, upstream_auth);
    /// a class not listed keeps its default from <see cref="ConfigDefaults.RetriesPerErrorClass"/>.
    /// </summary>
    public Dictionary<string, int>? PerError { get; init; }
}
