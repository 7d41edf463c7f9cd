using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class ObservabilityConfigTests
{
    private const string Base = """
        providers: { sim: { type: simulated } }
        models: { m: { provider: sim } }
        """;

    private static IReadOnlyList<string> Validate(string observability, Func<string, string?>? env = null) =>
        ConfigValidator.Validate(ConfigLoader.Parse(Base + "\n" + observability), (_, _, _) => [], env ?? (_ => null));

    [Fact]
    public void Load_NoSection_Defaults()
    {
        var o = ConfigLoader.Parse(Base).Observability;
        Assert.True(o.Prometheus);
        Assert.False(o.TracingEnabled);
        Assert.Equal(ConfigDefaults.DriftWindowMinutes, o.Drift.WindowMinutes);
    }

    [Fact]
    public void Load_OtlpEndpoint_TurnsTracingOn()
    {
        var o = ConfigLoader.Parse(Base + "\nobservability: { otlp_endpoint: http://127.0.0.1:4317, drift: { latency_increase: 1.5 } }").Observability;
        Assert.True(o.TracingEnabled);
        Assert.Equal(1.5, o.Drift.LatencyIncrease);
        Assert.Empty(Validate("observability: { otlp_endpoint: http://127.0.0.1:4317 }"));
    }

    [Theory]
    [InlineData("observability: { otlp_endpoint: 'collector:4317' }", "observability.otlp_endpoint")]
    [InlineData("observability: { otlp_protocol: thrift }", "observability.otlp_protocol")]
    [InlineData("observability: { drift: { window_minutes: 0 } }", "observability.drift.window_minutes")]
    [InlineData("observability: { drift: { quality_drop: 2 } }", "observability.drift.quality_drop")]
    [InlineData("observability: { drift: { min_requests: 0 } }", "observability.drift.min_requests")]
    [InlineData("observability:", "observability:")]
    [InlineData("observability: { metrics: { require_key: true } }", "observability.metrics.require_key")]
    public void Validate_Mistake_NamesTheKey(string yaml, string key) =>
        Assert.Contains(Validate(yaml), e => e.StartsWith(key, StringComparison.Ordinal));

    [Fact]
    public void Load_MetricsRequireKey_DefaultOffAndValidWithAMasterKey()
    {
        Assert.False(ConfigLoader.Parse(Base).Observability.Metrics.RequireKey);
        Assert.Empty(Validate("auth: { master_key: env:MK }\nobservability: { metrics: { require_key: true } }", n => n == "MK" ? "mk-0123456789abcdef" : null));
    }
}
