namespace Arbiter.Server.Tests;

/// <summary>Configurations for the observability tests: instant simulated models, one that always fails, a route falling back from it.</summary>
public static class ObservabilityConfigs
{
    /// <param name="prefix">Model and route names are prefixed so metrics of concurrent tests in one process can be told apart.</param>
    public static string Simulator(string prefix, string extra = "") => $$"""
        providers:
          sim: { type: simulated, seed: 11 }
        tiers:
          fast: {}
          deep: {}
        models:
          {{prefix}}-cheap:
            provider: sim
            tier: fast
            price: { input: 0.15, output: 0.60 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 30, jitter: 0 }
          {{prefix}}-strong:
            provider: sim
            tier: deep
            price: { input: 10.00, output: 30.00 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 40, jitter: 0 }
          {{prefix}}-broken:
            provider: sim
            tier: fast
            price: { input: 0.10, output: 0.20 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, failure_rate: 1.0 }
          {{prefix}}-free:
            provider: sim
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 10, jitter: 0 }
        routes:
          {{prefix}}-auto: { model: {{prefix}}-broken, fallbacks: [{{prefix}}-cheap] }
        # One call per model and no breaker skips, so attempt and fallback counts are exactly the requests sent.
        resilience:
          retry: { per_error: { rate_limited: 0, upstream_error: 0, upstream_unavailable: 0 } }
          circuit_breaker: { enabled: false }
        {{extra}}
        """;

    public const string MasterKey = "mk-test-key-0123456789";
    public static readonly IReadOnlyDictionary<string, string> MasterEnv = new Dictionary<string, string> { ["ARBITER_MASTER_KEY"] = MasterKey };
    public const string WithMasterKey = "auth: { master_key: env:ARBITER_MASTER_KEY }";
}
