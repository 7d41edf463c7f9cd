namespace Arbiter.Core.Config;

/// <summary>Telemetry export and drift alerts (docs/observability.md). Defaults live in <see cref="ConfigDefaults"/>.</summary>
public sealed record ObservabilityConfig
{
    /// <summary>Serve Prometheus text at /metrics. Default <see cref="ConfigDefaults.PrometheusEnabled"/>.</summary>
    public bool Prometheus { get; init; } = ConfigDefaults.PrometheusEnabled;
    /// <summary>Create spans (a request span and one per attempt). On by itself when <see cref="OtlpEndpoint"/> is set.</summary>
    public bool Tracing { get; init; }
    /// <summary>An OTLP collector's URL (e.g. http://127.0.0.1:4317); traces and metrics are exported there when set.</summary>
    public string? OtlpEndpoint { get; init; }
    /// <summary><c>grpc</c> or <c>http/protobuf</c>. Default <see cref="ConfigDefaults.OtlpProtocol"/>.</summary>
    public string OtlpProtocol { get; init; } = ConfigDefaults.OtlpProtocol;
    /// <summary>The service.name resource attribute. Default <see cref="ConfigDefaults.ServiceName"/>.</summary>
    public string ServiceName { get; init; } = ConfigDefaults.ServiceName;
    public DriftConfig Drift { get; init; } = new();
    /// <summary>Who may scrape /metrics.</summary>
    public MetricsConfig Metrics { get; init; } = new();

    public bool TracingEnabled => Tracing || OtlpEndpoint is not null;
}
