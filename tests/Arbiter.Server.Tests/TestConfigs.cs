namespace Arbiter.Server.Tests;

/// <summary>Configurations the tests run the gateway with.</summary>
public static class TestConfigs
{
    /// <summary>Simulated models that answer at once, so tests spend no time waiting.</summary>
    public const string FastSimulator = """
        providers:
          sim: { type: simulated, seed: 7 }
        tiers:
          fast: {}
          general: {}
        models:
          cheap:
            provider: sim
            tier: fast
            price: { input: 0.15, output: 0.60 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 30 }
          strong:
            provider: sim
            tier: general
            price: { input: 2.50, output: 10.00 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 60 }
          free-sim:
            provider: sim
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 10 }
        routes:
          auto: { strategy: single, model: cheap, fallbacks: [strong] }
        """;

    /// <summary>One OpenAI-compatible upstream at <paramref name="baseUrl"/>, a fallback simulator, and a route using both.</summary>
    public static string OpenAIUpstream(string baseUrl, long maxBodyBytes = 1_000_000) => $$"""
        server: { max_body_bytes: {{maxBodyBytes}} }
        providers:
          upstream: { type: openai, base_url: "{{baseUrl}}", api_key: "env:UPSTREAM_KEY" }
          sim: { type: simulated }
        models:
          gpt-test: { provider: upstream, model: test-model-1, price: { input: 1.0, output: 2.0 } }
          backup:
            provider: sim
            price: { input: 0.1, output: 0.1 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 5 }
        routes:
          with-fallback: { model: gpt-test, fallbacks: [backup] }
        """;

    public const string UpstreamKey = "sk-upstream-SECRET-abcdef0123456789";
    public static readonly IReadOnlyDictionary<string, string> UpstreamEnv = new Dictionary<string, string> { ["UPSTREAM_KEY"] = UpstreamKey };
}
