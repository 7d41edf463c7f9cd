using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Core.Routing.Latency;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Routing;

/// <summary>A router over fake providers, from YAML that must pass validation.</summary>
internal sealed class RoutingFixture
{
    /// <summary>Two fast models, two general, one deep, one self-hosted; quality per task; a route of each strategy.</summary>
    public const string Yaml = """
        providers:
          p: { type: fake }
        tiers:
          fast:    { latency_p95_ms: 1000, quality_bar: 0.85 }
          general: { latency_p95_ms: 5000, quality_bar: 0.92 }
          deep:    { quality_bar: 0.97 }
          private: { self_hosted: true }
        models:
          mini:      { provider: p, tier: fast,    price: { input: 0.1, output: 0.4 } }
          small:     { provider: p, tier: fast,    price: { input: 0.3, output: 1.2 } }
          mid-cheap: { provider: p, tier: general, price: { input: 1.0, output: 4.0 } }
          mid:       { provider: p, tier: general, price: { input: 2.0, output: 8.0 } }
          big:       { provider: p, tier: deep,    price: { input: 15, output: 60 } }
          local:     { provider: p, tier: private, price: { input: 0.01, output: 0.01 } }
        quality:
          default: { mini: 0.86, small: 0.90, mid-cheap: 0.91, mid: 0.95, big: 0.98, local: 0.80 }
          code:    { mini: 0.70, small: 0.88, mid-cheap: 0.93, mid: 0.94, big: 0.99 }
          review:  { mini: 0.70, small: 0.88, mid-cheap: 0.93, mid: 0.94, big: 0.99 }
        routes:
          auto:      { strategy: cascade, tiers: [fast, general, deep] }
          summarize: { strategy: tier, tiers: [fast, general] }
          code:      { strategy: tier, tiers: [general, deep] }
          strict:    { strategy: tier, tiers: [deep] }
          smart:
            strategy: rules
            rules:
              - { name: vip, when: { team: research }, route: strict }
              - { name: secret-key, when: { key: key-1 }, route: big }
              - { name: images, when: { images: true }, route: mid }
              - { name: tools, when: { tools: true }, route: code }
              - { name: json, when: { json: true }, route: mid-cheap }
              - { name: long, when: { min_prompt_tokens: 1000 }, route: big }
              - { name: sql, when: { regex: "\\bselect\\b.+\\bfrom\\b" }, route: code }
              - { name: tenant, when: { metadata: { tenant: acme, plan: gold } }, route: strict }
              - { when: { task: classify, max_prompt_tokens: 50 }, route: mini }
            default: summarize
          ab:
            strategy: split
            sticky: user
            arms:
              - { name: a, route: mini, weight: 70 }
              - { name: b, route: mid, weight: 30 }
          mirrored: { model: mini, shadow: { model: big, share: 0.25 } }
          guarded-block:   { model: mini, privacy: { action: block } }
          guarded-redact:  { model: mini, privacy: { action: redact, kinds: [email, card] } }
          guarded-private: { model: mini, privacy: { action: private } }
        """;

    public RoutingFixture(string yaml = Yaml)
    {
        Config = ConfigLoader.Parse(yaml);
        var errors = ConfigValidator.Validate(Config, (_, _, _) => [], _ => null);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var providers = Config.Providers.Keys.ToDictionary(k => k, k => (IChatProvider)new FakeChatProvider(k));
        Models = new ModelCatalog(Config, providers);
        Router = new Router(Config, Models, Router.BuiltInStrategies, Latency);
    }

    public ArbiterConfig Config { get; }
    public ModelCatalog Models { get; }
    public LatencyTracker Latency { get; } = new(window: 50, minSamples: 5);
    public Router Router { get; }

    public void Observe(string model, double ms, int times = 10)
    {
        for (var i = 0; i < times; i++) Latency.Record(model, TimeSpan.FromMilliseconds(ms));
    }

    public static ChatRequest Ask(string model, string text = "hello", string? user = null) =>
        new() { Model = model, Messages = [ChatMessage.User(text)], User = user };
}
