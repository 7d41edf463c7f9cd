namespace Arbiter.Server.Tests;

/// <summary>Configurations for the routing tests: simulated models that answer at once.</summary>
public static class RoutingConfigs
{
    /// <summary>
    /// cheap writes long answers (400 tokens), strong short ones (20): with max_tokens 100 cheap is cut off
    /// (finish_reason length) and a cascade escalates to strong.
    /// </summary>
    public const string Simulated = """
        providers:
          sim: { type: simulated, seed: 11 }
        tiers:
          fast:    { quality_bar: 0.8 }
          general: { quality_bar: 0.9 }
          private: { self_hosted: true }
        models:
          cheap:
            provider: sim
            tier: fast
            price: { input: 0.10, output: 0.40 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 400, jitter: 0 }
          strong:
            provider: sim
            tier: general
            price: { input: 2.00, output: 8.00 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 20, jitter: 0 }
          local:
            provider: sim
            tier: private
            price: { input: 0.01, output: 0.01 }
            simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 10, jitter: 0 }
        quality:
          default: { cheap: 0.85, strong: 0.95, local: 0.5 }
        routes:
          auto:      { strategy: cascade, tiers: [fast, general] }
          capped:    { strategy: cascade, tiers: [fast, general], cost_cap_usd: 0.0000001 }
          summarize: { strategy: tier, tiers: [fast] }
          mirrored:  { model: cheap, shadow: { model: strong, share: 1 } }
          no-cards:  { model: cheap, privacy: { action: block } }
          on-prem:   { model: cheap, privacy: { action: private } }
        """;
}
