namespace Arbiter.Core.Config;

/// <summary>The Prometheus scrape endpoint /metrics (docs/observability.md).</summary>
public sealed record MetricsConfig
{
    /// <summary>
    /// Require the admin master key (<c>Authorization: Bearer</c>) to scrape. Default
    /// <see cref="ConfigDefaults.MetricsRequireKey"/>: open, as Prometheus scrapers expect, on a gateway that listens on
    /// 127.0.0.1; metrics carry model, route and task names and counts, never prompts or keys.
    /// </summary>
    public bool RequireKey { get; init; } = ConfigDefaults.MetricsRequireKey;
}
