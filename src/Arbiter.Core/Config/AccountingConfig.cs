namespace Arbiter.Core.Config;

/// <summary>Budget reservations and the cost governor for calls that fan out (cascade, parallel).</summary>
public sealed record AccountingConfig
{
    /// <summary>Output tokens reserved for a request without max_tokens. Default <see cref="ConfigDefaults.ReservedOutputTokens"/>.</summary>
    public int ReservedOutputTokens { get; init; } = ConfigDefaults.ReservedOutputTokens;
    /// <summary>Most one request may spend across all its calls, USD; null = no cap. A key's own cap applies too (the lower wins).</summary>
    public decimal? MaxRequestCostUsd { get; init; }
    /// <summary>Extra (fan-out) calls one key may make per minute; null = no cap. A key's own cap applies too.</summary>
    public int? MaxExtraCallsPerMinute { get; init; }
}
