using System.Diagnostics;
using Arbiter.Core.Config;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Arbiter.Server.Tests.Telemetry;

/// <summary>A gateway with tracing on and in-memory span and metric exporters added to its OpenTelemetry pipeline.</summary>
public sealed class TelemetryHost : IAsyncDisposable
{
    public GatewayHost Gateway { get; }
    public List<Activity> Spans { get; }
    public List<Metric> Metrics { get; }

    private TelemetryHost(GatewayHost gateway, List<Activity> spans, List<Metric> metrics)
    {
        Gateway = gateway;
        Spans = spans;
        Metrics = metrics;
    }

    public static async Task<TelemetryHost> StartAsync(string prefix)
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var yaml = ObservabilityConfigs.Simulator(prefix, "observability: { tracing: true }");
        var gateway = await GatewayHost.StartAsync(ConfigLoader.Parse(yaml), configure: b =>
        {
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            b.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        });
        return new TelemetryHost(gateway, spans, metrics);
    }

    /// <summary>Collects the metrics recorded so far into <see cref="Metrics"/>.</summary>
    public void FlushMetrics()
    {
        Metrics.Clear();
        Gateway.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>Every point of a metric whose tags include all of <paramref name="tags"/>.</summary>
    public List<MetricPoint> Points(string metric, params (string Key, string Value)[] tags)
    {
        var found = new List<MetricPoint>();
        foreach (var m in Metrics.Where(m => m.Name == metric))
            foreach (var p in m.GetMetricPoints())
            {
                var all = new Dictionary<string, object?>();
                foreach (var t in p.Tags) all[t.Key] = t.Value;
                if (tags.All(t => all.TryGetValue(t.Key, out var v) && Equals(v, t.Value))) found.Add(p);
            }
        return found;
    }

    public static Dictionary<string, object?> TagsOf(MetricPoint p)
    {
        var all = new Dictionary<string, object?>();
        foreach (var t in p.Tags) all[t.Key] = t.Value;
        return all;
    }

    public ValueTask DisposeAsync() => Gateway.DisposeAsync();
}
