using System.Text;
using System.Text.Json;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Providers.Anthropic;
using Arbiter.Providers.Gemini;

namespace Arbiter.Providers.Tests.Accounting;

/// <summary>
/// Each provider's usage as it arrives on the wire, through its adapter's conversion, priced by the bundled
/// catalogue: cached input, cache writes and reasoning tokens each at their own rate. Expected figures are worked
/// out by hand from the providers' price lists.
/// </summary>
public sealed class UsageShapeCostTests
{
    private static JsonElement Json(string s) => JsonDocument.Parse(s).RootElement.Clone();

    /// <summary>The usage of an OpenAI-shaped answer carrying <paramref name="usage"/>, read as the adapter reads it.</summary>
    private static TokenUsage OpenAIUsageOf(string usage) =>
        OpenAIResponseReader.ReadCompletion(Encoding.UTF8.GetBytes("{\"choices\":[],\"usage\":" + usage + "}"), "m").Usage!;

    private static Core.Config.PriceConfig Price(string model)
    {
        Assert.True(PriceCatalog.Bundled.TryFind(model, out var entry), model);
        return entry.Price;
    }

    [Fact]
    public void OpenAI_CachedAndReasoningTokens_CachedAtHalfReasoningAsOutput()
    {
        // o4-mini: $1.10 in, $0.275 cached, $4.40 out. 10,000 prompt of which 6,000 cached; 2,000 completion of which 1,500 reasoning.
        var usage = OpenAIUsageOf("""
            {"prompt_tokens":10000,"completion_tokens":2000,"total_tokens":12000,
             "prompt_tokens_details":{"cached_tokens":6000},"completion_tokens_details":{"reasoning_tokens":1500}}
            """);

        var cost = CostCalculator.Cost(usage, Price("o4-mini-2025-04-16"));

        Assert.Equal((4000 * 1.10m + 6000 * 0.275m + 2000 * 4.40m) / 1_000_000m, cost);
        Assert.Equal(0.01485m, cost);
        Assert.Equal(1500, usage.ReasoningTokens);
    }

    [Fact]
    public void Anthropic_CacheReadsAndWritesOutsideInput_EachAtItsRate()
    {
        // claude-sonnet-4-5: $3 in, $0.30 cache read, $3.75 cache write, $15 out. Anthropic's input_tokens excludes both cache counts.
        var usage = AnthropicUsage.From(Json("""
            {"input_tokens":1200,"cache_read_input_tokens":50000,"cache_creation_input_tokens":8000,"output_tokens":900}
            """)).ToTokenUsage();

        var cost = CostCalculator.Cost(usage, Price("claude-sonnet-4-5-20250929"));

        Assert.Equal(59_200, usage.InputTokens);
        Assert.Equal((1200 * 3m + 50000 * 0.30m + 8000 * 3.75m + 900 * 15m) / 1_000_000m, cost);
        Assert.Equal(0.0621m, cost);
    }

    [Fact]
    public void Gemini_ThoughtsBilledAsOutput_CachedInsidePrompt()
    {
        // gemini-2.5-flash: $0.30 in, $0.03 cached, $2.50 out. promptTokenCount includes the cached; candidates exclude thoughts.
        var usage = GeminiUsage.Read(Json("""
            {"promptTokenCount":20000,"cachedContentTokenCount":15000,"candidatesTokenCount":400,"thoughtsTokenCount":1600,"totalTokenCount":22000}
            """))!;

        var cost = CostCalculator.Cost(usage, Price("gemini-2.5-flash"));

        Assert.Equal(2000, usage.OutputTokens);
        Assert.Equal((5000 * 0.30m + 15000 * 0.03m + 2000 * 2.50m) / 1_000_000m, cost);
        Assert.Equal(0.00695m, cost);
    }

    [Fact]
    public void Gemini_LongPrompt_BilledAtTheLongContextRate()
    {
        // gemini-2.5-pro above 200k prompt tokens: $2.50 in, $15 out for the whole call.
        var usage = GeminiUsage.Read(Json("""{"promptTokenCount":250000,"candidatesTokenCount":1000}"""))!;

        Assert.Equal((250000 * 2.50m + 1000 * 15m) / 1_000_000m, CostCalculator.Cost(usage, Price("gemini-2.5-pro")));
    }

    [Fact]
    public void DeepSeek_CacheHitAtTheCacheRate()
    {
        // deepseek-chat reports cache hits in its own fields: $0.28 miss, $0.028 hit, $0.42 out.
        var usage = OpenAIUsageOf("""
            {"prompt_tokens":1000,"completion_tokens":100,"prompt_cache_hit_tokens":800,"prompt_cache_miss_tokens":200}
            """);

        Assert.Equal((200 * 0.28m + 800 * 0.028m + 100 * 0.42m) / 1_000_000m, CostCalculator.Cost(usage, Price("deepseek-chat")));
    }
}
