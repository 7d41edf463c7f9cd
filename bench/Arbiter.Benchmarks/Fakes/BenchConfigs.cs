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
}
