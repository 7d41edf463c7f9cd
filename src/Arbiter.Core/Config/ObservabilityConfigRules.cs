namespace Arbiter.Core.Config;

/// <summary>The <c>observability:</c> section's checks, called by <see cref="ConfigValidator"/>.</summary>
internal static class ObservabilityConfigRules
{
    public static readonly IReadOnlyList<string> OtlpProtocols = ["grpc", "http/protobuf"];

    public static void Check(ObservabilityConfig? o, List<string> errors, AuthConfig? auth = null)
    {
        if (o is null)
        {
            errors.Add("observability: empty section; remove it or give prometheus, tracing, otlp_endpoint or drift");
            return;
        }
        if (o.OtlpEndpoint is not null && !(Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"observability.otlp_endpoint: '{o.OtlpEndpoint}' is not an absolute http(s) URL");
        if (!OtlpProtocols.Contains(o.OtlpProtocol))
            errors.Add($"observability.otlp_protocol: '{o.OtlpProtocol}' is not one of {string.Join(", ", OtlpProtocols)}");
        if (string.IsNullOrWhiteSpace(o.ServiceName)) errors.Add("observability.service_name: must not be empty");
        if (o.Metrics is null) errors.Add("observability.metrics: empty section; remove it or give require_key");
        else if (o.Metrics.RequireKey && auth?.MasterKey is null)
            errors.Add("observability.metrics.require_key: needs auth.master_key (scrapers send it as 'Authorization: Bearer'); set auth.master_key: env:ARBITER_MASTER_KEY");
        if (o.Drift is not { } d)
        {
            errors.Add("observability.drift: empty section; remove it or give its thresholds");
            return;
        }
        if (d.IntervalSeconds < 0) errors.Add($"observability.drift.interval_seconds: must not be negative (0 turns drift alerts off), got {d.IntervalSeconds}");
        if (d.WindowMinutes <= 0) errors.Add($"observability.drift.window_minutes: must be positive, got {d.WindowMinutes}");
        if (d.BaselineMinutes <= 0) errors.Add($"observability.drift.baseline_minutes: must be positive, got {d.BaselineMinutes}");
        if (d.MinRequests < 1) errors.Add($"observability.drift.min_requests: must be at least 1, got {d.MinRequests}");
        if (d.QualityDrop is <= 0 or > 1) errors.Add($"observability.drift.quality_drop: must be above 0 and at most 1, got {d.QualityDrop}");
        if (d.LatencyIncrease <= 0) errors.Add($"observability.drift.latency_increase: must be positive, got {d.LatencyIncrease}");
        if (d.FallbackIncrease is <= 0 or > 1) errors.Add($"observability.drift.fallback_increase: must be above 0 and at most 1, got {d.FallbackIncrease}");
    }
}
