using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>The resilience keys: read from YAML, validated with messages naming the key, and the catalog's deployments.</summary>
public sealed class ResilienceConfigTests
{
    private const string Yaml = """
        providers:
          east: { type: simulated }
          west: { type: simulated }
        models:
          gpt:
            load_balancing: least-busy
            price: { input: 1, output: 2 }
            fallbacks: [other]
            context_window_fallbacks: [other]
            content_policy_fallbacks: [other]
            deployments:
              - { provider: east, model: gpt-east, weight: 3, rpm: 100, tpm: 50000 }
              - { provider: west, price: { input: 0.5, output: 1 } }
          other: { provider: west }
        resilience:
          load_balancing: cheapest
          seed: 5
          retry: { base_delay_ms: 100, max_delay_ms: 2000, max_retry_after_seconds: 5, per_error: { rate_limited: 2, upstream_timeout: 1 } }
          timeouts: { connect_seconds: 3, first_byte_seconds: 20, stream_idle_seconds: 15, total_seconds: 90 }
          circuit_breaker: { failure_ratio: 0.4, minimum_throughput: 3, sampling_seconds: 20, break_seconds: 10 }
          hedging: { delay_ms: 800, max_hedged: 2 }
        """;

    private static IReadOnlyList<string> Validate(ArbiterConfig c) => ConfigValidator.Validate(c, (_, _, _) => [], _ => null);

    [Fact]
    public void Parse_FullResilienceSection_ReadsEveryKeyAndValidates()
    {
        var c = ConfigLoader.Parse(Yaml);

        Assert.Empty(Validate(c));
        var gpt = c.Models["gpt"];
        Assert.Equal(("least-busy", 2), (gpt.LoadBalancing, gpt.Deployments!.Count));
        Assert.Equal(("east", "gpt-east", 3.0, 100, 50000L), (gpt.Deployments[0].Provider, gpt.Deployments[0].Model, gpt.Deployments[0].Weight, gpt.Deployments[0].Rpm, gpt.Deployments[0].Tpm));
        Assert.Equal(["other"], gpt.ContentPolicyFallbacks);
        var r = c.Resilience;
        Assert.Equal(("cheapest", 5), (r.LoadBalancing, r.Seed));
        Assert.Equal(2, r.Retry.PerError!["rate_limited"]);
        Assert.Equal((3.0, 20.0, 15.0, 90.0), (r.Timeouts.ConnectSeconds, r.Timeouts.FirstByteSeconds, r.Timeouts.StreamIdleSeconds, r.Timeouts.TotalSeconds));
        Assert.Equal((0.4, 3, 10.0), (r.CircuitBreaker.FailureRatio, r.CircuitBreaker.MinimumThroughput, r.CircuitBreaker.BreakSeconds));
        Assert.Equal((800.0, 2), (r.Hedging!.DelayMs, r.Hedging.MaxHedged));
    }

    [Fact]
    public void Catalog_Deployments_OnePerEntry_SingleProviderFormIsOneDeployment()
    {
        var c = ConfigLoader.Parse(Yaml);
        var providers = new Dictionary<string, IChatProvider> { ["east"] = new ScriptedChatProvider("east"), ["west"] = new ScriptedChatProvider("west") };

        var catalog = new ModelCatalog(c, providers);

        var gpt = catalog["gpt"];
        Assert.Equal(["gpt/east", "gpt/west"], gpt.Deployments.Select(d => d.Label));
        Assert.Equal(["gpt-east", "gpt"], gpt.Deployments.Select(d => d.UpstreamModel));
        Assert.Equal([1m, 0.5m], gpt.Deployments.Select(d => d.Price!.Input!.Value));
        Assert.Same(providers["east"], gpt.Provider);
        var other = Assert.Single(catalog["other"].Deployments);
        Assert.Equal(("west", "other"), (other.Name, other.UpstreamModel));
    }

    [Theory]
    [InlineData("models.gpt.deployments[0].provider: 'nowhere' is not a configured provider", "provider: east, model: gpt-east", "provider: nowhere")]
    [InlineData("models.gpt.deployments[1]: deployment name 'east' is used twice", "provider: west, price", "provider: east, price")]
    [InlineData("models.gpt.deployments[0].rpm: must be positive", "rpm: 100", "rpm: 0")]
    [InlineData("models.gpt.load_balancing: unknown strategy 'fastest'", "load_balancing: least-busy", "load_balancing: fastest")]
    [InlineData("resilience.load_balancing: unknown strategy 'random'", "load_balancing: cheapest", "load_balancing: random")]
    [InlineData("models.gpt.fallbacks[0]: 'ghost' is not a configured model", "fallbacks: [other]", "fallbacks: [ghost]")]
    [InlineData("resilience.retry.per_error.teapot: unknown error class", "rate_limited: 2", "teapot: 2")]
    [InlineData("resilience.circuit_breaker.minimum_throughput: must be at least 2", "minimum_throughput: 3", "minimum_throughput: 1")]
    [InlineData("resilience.circuit_breaker.failure_ratio: must be in (0, 1]", "failure_ratio: 0.4", "failure_ratio: 1.5")]
    [InlineData("resilience.timeouts.total_seconds: must be positive", "total_seconds: 90", "total_seconds: 0")]
    [InlineData("resilience.timeouts.total_seconds: must be at most 86400", "total_seconds: 90", "total_seconds: 5000000")]
    [InlineData("models.other: give provider or deployments, not both", "other: { provider: west }", "other: { provider: west, deployments: [{ provider: east }] }")]
    public void Validate_Mistake_NamesTheKey(string expected, string find, string replace)
    {
        var c = ConfigLoader.Parse(Yaml.Replace(find, replace));

        Assert.Contains(Validate(c), e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
