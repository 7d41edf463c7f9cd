using Arbiter.Core.Accounting;
using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Accounting;

public sealed class PriceCatalogTests
{
    private static readonly PriceCatalog Bundled = PriceCatalog.Bundled;

    [Theory]
    [InlineData("gpt-4o", "gpt-4o")]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("gpt-4o-mini-2024-07-18", "gpt-4o-mini")]
    [InlineData("GPT-4o-mini", "gpt-4o-mini")]
    [InlineData("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini")]
    [InlineData("o3-mini", "o3-mini")]
    [InlineData("openai/o4-mini", "o4-mini")]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-20250514", "claude-sonnet-4")]
    [InlineData("claude-opus-4-1-20250805", "claude-opus-4-1")]
    [InlineData("claude-3-5-sonnet-latest", "claude-3-5-sonnet")]
    [InlineData("claude-sonnet-4@20250514", "claude-sonnet-4")]
    [InlineData("gemini-2.0-flash-001", "gemini-2.0-flash")]
    [InlineData("models/gemini-2.5-pro", "gemini-2.5-pro")]
    [InlineData("deepseek-reasoner", "deepseek-reasoner")]
    public void TryFind_KnownOrVersionedId_FindsBaseEntry(string id, string expected)
    {
        Assert.True(Bundled.TryFind(id, out var entry));
        Assert.Equal(expected, entry.Model);
    }

    [Theory]
    [InlineData("gpt-4o-audio-preview")]
    [InlineData("o3-deep-research")]
    [InlineData("llama3.1:70b")]
    [InlineData("sim-fast")]
    [InlineData("gpt-4o-")]
    public void TryFind_DifferentOrUnknownModel_NotFound(string id)
    {
        Assert.False(Bundled.TryFind(id, out _));
    }

    [Fact]
    public void Bundled_EveryEntry_HasInputOutputAndContextWindow()
    {
        Assert.True(Bundled.Entries.Count >= 40);
        Assert.All(Bundled.Entries, e =>
        {
            Assert.True(e.Price.Input > 0, e.Model);
            Assert.True(e.Price.Output > 0, e.Model);
            Assert.True(e.ContextWindow > 0, e.Model);
            Assert.True(e.Price.CachedInput is null || e.Price.CachedInput <= e.Price.Input, e.Model);
        });
        Assert.NotNull(Bundled.AsOf);
    }

    [Fact]
    public void Bundled_GeminiPro_HasLongContextTier()
    {
        Assert.True(Bundled.TryFind("gemini-2.5-pro", out var e));
        Assert.Equal(200_000, e.Price.LongContext!.AboveInputTokens);
        Assert.Equal(2.50m, e.Price.LongContext.Input);
    }

    [Fact]
    public void Resolve_ConfigPrice_WinsWholeOverCatalogue()
    {
        var config = new ModelConfig { Provider = "p", Model = "gpt-4o", Price = new PriceConfig { Input = 1m, Output = 2m } };

        var (price, source, window) = ModelPricing.Resolve("fast", config, "gpt-4o", Bundled);

        Assert.Equal(1m, price!.Input);
        Assert.Null(price.CachedInput);
        Assert.Equal(ModelPricing.FromConfig, source);
        Assert.Equal(128_000, window);
    }

    [Fact]
    public void Resolve_NoConfigPrice_UsesCatalogueByUpstreamIdThenName()
    {
        var byUpstream = ModelPricing.Resolve("fast", new ModelConfig { Provider = "p", Model = "gpt-4o-mini" }, "gpt-4o-mini", Bundled);
        var byName = ModelPricing.Resolve("claude-haiku-4-5", new ModelConfig { Provider = "p", Model = "my-deployment" }, "my-deployment", Bundled);

        Assert.Equal((0.15m, ModelPricing.FromCatalog), (byUpstream.Price!.Input!.Value, byUpstream.Source!));
        Assert.Equal(1.00m, byName.Price!.Input);
    }

    [Fact]
    public void Resolve_UnknownModelWithoutPrice_StaysUnpriced()
    {
        var (price, source, window) = ModelPricing.Resolve("local", new ModelConfig { Provider = "p", Model = "llama3.1:70b", ContextWindow = 8192 }, "llama3.1:70b", Bundled);

        Assert.Null(price);
        Assert.Null(source);
        Assert.Equal(8192, window);
    }
}
