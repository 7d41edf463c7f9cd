using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Telemetry;
using Arbiter.Server.Auth;
using Arbiter.Server.Dashboard;
using Arbiter.Server.Feedback;
using Arbiter.Server.Hosting;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Arbiter.Server.Telemetry;

/// <summary>
/// Wires the observability pieces into the host: KPIs and feedback, drift alerts, metrics from the request log,
/// OpenTelemetry export (Prometheus at /metrics, OTLP by config), spans only when tracing is configured, the dashboard.
/// </summary>
internal static class ObservabilityServices
{
    public static void Add(WebApplicationBuilder builder, ArbiterServerOptions options)
    {
        var config = options.Config;
        var o = config.Observability;
        var services = builder.Services;
        // Feedback lives with the request log: in its database (kept across restarts) or in memory.
        services.AddSingleton(sp => options.FeedbackStore ?? sp.GetRequiredService<GatewayAccess>().Storage.Feedback);
        services.AddSingleton<DriftMonitor>();
        services.AddSingleton(o.Drift);
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<GatewayRuntime>();
            var storage = sp.GetRequiredService<GatewayAccess>().Storage;
            var feedback = sp.GetRequiredService<IFeedbackStore>();
            var pricing = KpiPricing.From(runtime.Models.All);
            // Aggregated in SQL when the log is in a database (memory stays bounded); from the records otherwise.
            IKpiSource source = options.FeedbackStore is null ? storage.KpiSource(runtime.Store, pricing) : new InMemoryKpiSource(runtime.Store, feedback, pricing);
            return new KpiService(runtime.Store, feedback, source, sp.GetRequiredService<DriftMonitor>(), options.Time);
        });
        services.AddSingleton(sp => new GatewayMetrics(sp.GetRequiredService<IMeterFactory>().Create(TelemetryNames.SourceName), config,
            sp.GetRequiredService<DriftMonitor>()));
        // The accounting master key, when configured, guards these admin endpoints too (one admin secret, not two).
        services.AddSingleton<KpiEndpoint>();
        services.AddSingleton<FeedbackEndpoint>();
        services.AddSingleton<DashboardAssets>();
        services.AddHostedService<DriftService>();

        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(o.ServiceName));
        if (o.Prometheus || o.OtlpEndpoint is not null)
            otel.WithMetrics(m =>
            {
                m.AddMeter(TelemetryNames.SourceName);
                if (o.Prometheus) m.AddPrometheusExporter();
                if (o.OtlpEndpoint is not null) AddOtlp(m, o);
            });
        // No tracer provider unless asked for: without a listener every span start is a null check.
        if (o.TracingEnabled)
            otel.WithTracing(t =>
            {
                t.AddSource(TelemetryNames.SourceName);
                if (o.OtlpEndpoint is not null) AddOtlp(t, o);
            });
    }

    public static void Map(WebApplication app, ArbiterConfig config)
    {
        var kpis = app.Services.GetRequiredService<KpiEndpoint>();
        var feedback = app.Services.GetRequiredService<FeedbackEndpoint>();
        var dashboard = app.Services.GetRequiredService<DashboardAssets>();
        app.MapGet("/admin/kpis", kpis.HandleAsync);
        app.MapPost("/v1/feedback", feedback.HandleAsync);
        app.MapGet("/dashboard", dashboard.HandleAsync);
        app.MapGet("/dashboard/{**file}", dashboard.HandleAsync);
        if (!config.Observability.Prometheus) return;
        if (!config.Observability.Metrics.RequireKey) app.MapPrometheusScrapingEndpoint("/metrics");
        else
        {
            // The master key is checked in the endpoint's own branch: other requests pay nothing for it.
            var access = app.Services.GetRequiredService<GatewayAccess>();
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (ctx, next) =>
            {
                if (MasterKey.Check(ctx, access) is { } denied) await ErrorResponses.WriteAsync(ctx, denied);
                else await next(ctx);
            }), optionsName: null);
        }
    }

    // The OTLP exporter's assembly loads only when OTLP is configured: these are the only methods that name it, and
    // they are kept out of the callers that always run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOtlp(MeterProviderBuilder metrics, ObservabilityConfig o) => metrics.AddOtlpExporter(e => Otlp(e, o));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddOtlp(TracerProviderBuilder traces, ObservabilityConfig o) => traces.AddOtlpExporter(e => Otlp(e, o));

    private static void Otlp(OtlpExporterOptions e, ObservabilityConfig o)
    {
        e.Endpoint = new Uri(o.OtlpEndpoint!);
        e.Protocol = o.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }
}
