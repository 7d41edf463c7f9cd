using Arbiter.Core.Config;

namespace Arbiter.Benchmarks.Fakes;

/// <summary>Configurations the benchmarks build their catalog and router from.</summary>
public static class BenchConfigs
{
    public const string RouteWithFallbacks = "smart";

    /// <summary>bench/arbiter-bench.yaml's shape: gpt-4o-mini on an openai-compatible upstream (never reached over the network).</summary>
    public static ArbiterConfig Gateway() => new()
    {
        Providers = { ["bench-upstream"] = new ProviderConfig { Type = "openai-compatible", BaseUrl = "http://upstream.invalid/v1" } },
        Models =
        {
            ["gpt-4o-mini"] = new ModelConfig
            {
                Provider = "bench-upstream", Tier = "fast",
                Price = new PriceConfig { Input = 0.15m, Output = 0.60m, CachedInput = 0.075m },
            },
        },
        Tiers = { ["fast"] = new TierConfig() },
    };

    /// <summary>Four models on one provider and a route with two fallbacks.</summary>
    public static ArbiterConfig Routing() => new()
    {
        Providers = { ["dummy"] = new ProviderConfig { Type = "openai-compatible", BaseUrl = "http://upstream.invalid/v1" } },
        Models =
        {
            ["gpt-4o-mini"] = new ModelConfig { Provider = "dummy" },
            ["gpt-4o"] = new ModelConfig { Provider = "dummy" },
            ["claude-3-5-haiku"] = new ModelConfig { Provider = "dummy" },
            ["llama-3.1-8b"] = new ModelConfig { Provider = "dummy" },
        },
        Routes =
        {
            [RouteWithFallbacks] = new RouteConfig { Model = "gpt-4o", Fallbacks = ["gpt-4o-mini", "claude-3-5-haiku"] },
        },
    };

    /// <summary>
    /// <see cref="Routing"/> plus tiers, a quality table and a route of each routing strategy, named after
    /// <see cref="RouteKind"/> in lower case.
    /// </summary>
    public static ArbiterConfig RoutingEngine() => Core.Config.ConfigLoader.Parse("""
        providers:
          dummy: { type: openai-compatible, base_url: "http://upstream.invalid/v1" }
        tiers:
          fast:    { latency_p95_ms: 1500, quality_bar: 0.85 }
          general: { latency_p95_ms: 6000, quality_bar: 0.92 }
          deep:    { quality_bar: 0.97 }
        models:
          gpt-4o-mini:      { provider: dummy, tier: fast,    price: { input: 0.15, output: 0.60 } }
          claude-3-5-haiku: { provider: dummy, tier: fast,    price: { input: 0.80, output: 4.00 } }
          gpt-4o:           { provider: dummy, tier: general, price: { input: 2.50, output: 10.00 } }
          claude-sonnet:    { provider: dummy, tier: general, price: { input: 3.00, output: 15.00 } }
          claude-opus:      { provider: dummy, tier: deep,    price: { input: 15.00, output: 75.00 } }
        quality:
          default: { gpt-4o-mini: 0.84, claude-3-5-haiku: 0.87, gpt-4o: 0.93, claude-sonnet: 0.95, claude-opus: 0.98 }
          code:    { gpt-4o-mini: 0.78, claude-3-5-haiku: 0.80, gpt-4o: 0.94, claude-sonnet: 0.96, claude-opus: 0.99 }
        routes:
          smart: { model: gpt-4o, fallbacks: [gpt-4o-mini, claude-3-5-haiku] }
          tier: { strategy: tier, tiers: [fast, general] }
          cascade: { strategy: cascade, tiers: [fast, general, deep] }
          rules:
            strategy: rules
            rules:
              - { when: { task: code }, route: cascade }
              - { when: { team: research }, route: claude-opus }
              - { when: { tools: true }, route: gpt-4o }
              - { when: { json: true }, route: gpt-4o }
              - { when: { metadata: { tenant: acme } }, route: claude-sonnet }
              - { when: { regex: "\\b(select|insert|update)\\b.+\\b(from|into|set)\\b" }, route: cascade }
            default: tier
          split:
            strategy: split
            arms: [ { route: gpt-4o-mini, weight: 90 }, { route: gpt-4o, weight: 10 } ]
          privacy: { model: gpt-4o, privacy: { action: redact } }
        """);
}
