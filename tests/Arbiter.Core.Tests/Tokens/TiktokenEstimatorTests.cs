using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;
using Arbiter.Core.Tokens;

namespace Arbiter.Core.Tests.Tokens;

public sealed class TiktokenEstimatorTests
{
    private static readonly TiktokenEstimator Estimator = TiktokenEstimator.Shared;

    private static ChatRequest Ask(params ChatMessage[] messages) => new() { Model = "m", Messages = messages };

    [Theory]
    // Reference counts from OpenAI's tiktoken for these encodings.
    [InlineData("hello world", "gpt-4o", 2)]
    [InlineData("hello world", "gpt-4", 2)]
    [InlineData("", "gpt-4o", 0)]
    [InlineData("The quick brown fox jumps over the lazy dog.", "gpt-4o", 10)]
    [InlineData("The quick brown fox jumps over the lazy dog.", "gpt-3.5-turbo", 10)]
    public void CountText_OpenAIModels_MatchTiktoken(string text, string model, long expected)
    {
        Assert.Equal(expected, Estimator.CountText(text, model, ProviderTypes.OpenAI));
    }

    [Fact]
    public void CountText_NonEnglish_O200kNeedsFewerTokensThanCl100k()
    {
        const string russian = "Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний.";

        var o200k = Estimator.CountText(russian, "gpt-4o", ProviderTypes.OpenAI);
        var cl100k = Estimator.CountText(russian, "gpt-4", ProviderTypes.OpenAI);

        Assert.True(o200k < cl100k, $"o200k {o200k} vs cl100k {cl100k}");
    }

    [Fact]
    public void CountText_Claude_IsCl100kScaledUp()
    {
        const string text = "Summarise the following contract clause by clause, keeping every number exact.";
        var cl100k = Estimator.CountText(text, "gpt-4", ProviderTypes.OpenAI);

        var claude = Estimator.CountText(text, "claude-sonnet-4-5", ProviderTypes.Anthropic);

        Assert.Equal((long)Math.Ceiling(cl100k * TokenFamilies.Claude.Factor), claude);
    }

    [Fact]
    public void EstimatePromptTokens_OneMessage_FollowsOpenAIFraming()
    {
        var request = Ask(ChatMessage.User("hello world"));

        var tokens = Estimator.EstimatePromptTokens(request, "gpt-4o", ProviderTypes.OpenAI);

        Assert.Equal(TiktokenEstimator.ReplyPriming + TiktokenEstimator.TokensPerMessage + 2, tokens);
    }

    [Fact]
    public void EstimatePromptTokens_MoreMessagesToolsAndImages_CountEachPiece()
    {
        var plain = Estimator.EstimatePromptTokens(Ask(ChatMessage.User("hello world")), "gpt-4o", ProviderTypes.OpenAI);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""");
        var rich = new ChatRequest
        {
            Model = "m",
            Messages =
            [
                ChatMessage.System("Be brief."),
                new ChatMessage { Role = ChatRole.User, Parts = [new TextPart("hello world"), new ImagePart("https://x/y.png", "low"), new ImagePart("https://x/z.png")] },
            ],
            Tools = [new ToolDefinition { Name = "weather", Description = "Weather by city", Parameters = schema.RootElement.Clone() }],
        };

        var tokens = Estimator.EstimatePromptTokens(rich, "gpt-4o", ProviderTypes.OpenAI);

        var floor = plain + TiktokenEstimator.TokensPerMessage + 3 + TiktokenEstimator.LowDetailImageTokens + TiktokenEstimator.ImageTokens
            + TiktokenEstimator.TokensPerTool;
        Assert.True(tokens > floor, $"{tokens} <= {floor}");
    }

    [Fact]
    public void EstimatePromptTokens_ConcurrentCalls_AgreeWithSequentialCount()
    {
        var request = Ask(ChatMessage.User(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}"))));
        var expected = Estimator.EstimatePromptTokens(request, "gpt-4.1", ProviderTypes.OpenAI);

        var results = new long[64];
        Parallel.For(0, results.Length, i => results[i] = Estimator.EstimatePromptTokens(request, "gpt-4.1", ProviderTypes.OpenAI));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void EstimatePromptTokens_LongTextsCachedOrNot_SameCount()
    {
        var system = string.Join(' ', Enumerable.Range(0, 300).Select(i => $"rule{i}"));
        var request = Ask(ChatMessage.System(system), ChatMessage.User("short question"));
        var uncached = new TiktokenEstimator(cacheChars: 0);
        var tiny = new TiktokenEstimator(cacheChars: 10); // overflows at once: cleared and refilled every time

        var expected = uncached.EstimatePromptTokens(request, "gpt-4o", ProviderTypes.OpenAI);

        Assert.Equal(expected, Estimator.EstimatePromptTokens(request, "gpt-4o", ProviderTypes.OpenAI));
        Assert.Equal(expected, Estimator.EstimatePromptTokens(request with { }, "gpt-4o", ProviderTypes.OpenAI));
        Assert.Equal(expected, tiny.EstimatePromptTokens(request, "gpt-4o", ProviderTypes.OpenAI));
        Assert.Equal(expected, tiny.EstimatePromptTokens(request, "gpt-4o", ProviderTypes.OpenAI));
        // The cache is per tokenizer: the same text under cl100k is counted again, not read from o200k's entry.
        Assert.Equal(uncached.EstimatePromptTokens(request, "gpt-4", ProviderTypes.OpenAI), Estimator.EstimatePromptTokens(request, "gpt-4", ProviderTypes.OpenAI));
    }
}
