using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Providers.Gemini;
using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>How Gemini's answers, whole and streamed, read back into the canonical model.</summary>
public sealed class GeminiResponseTranslationTests : GeminiTestHarness
{
    /// <summary>One answer body as Gemini sends it: the events merged into one response, or as SSE events.</summary>
    private static GeminiRawScenario Answer(bool stream, string whole, params string[] events) =>
        new(stream ? string.Concat(events.Select(e => "data: " + e + "\r\n\r\n")) : whole);

    [Theory, InlineData(false), InlineData(true)]
    public async Task SafetyFinish_IsContentFilterWithEmptyText(bool stream)
    {
        Fake.Enqueue(new TextScenario([], FinishReason.ContentFilter, new TokenUsage { InputTokens = 9 }));

        var response = await RunAsync(Request(stream));

        var choice = Assert.Single(response.Choices);
        Assert.Equal(FinishReason.ContentFilter, choice.FinishReason);
        Assert.Equal("", choice.Message.Text);
        Assert.Null(choice.Message.ToolCalls);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task PromptBlocked_IsContentFilteredNamingTheProvider_BeforeAnyChunk(bool stream)
    {
        Fake.Enqueue(new PromptBlockedScenario("PROHIBITED_CONTENT"));
        var received = 0;

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            if (!stream) await Provider().CompleteAsync(Request(false), UpstreamModel, CancellationToken.None);
            else await foreach (var _ in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None)) received++;
        });

        Assert.Equal(ErrorKind.ContentFiltered, ex.Error.Kind);
        Assert.Equal(400, ex.Error.HttpStatus);
        Assert.Equal("fake-provider", ex.Error.Provider);
        Assert.Contains("fake-provider", ex.Error.Message);
        Assert.Contains("PROHIBITED_CONTENT", ex.Error.Message);
        Assert.Equal(0, received);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ParallelFunctionCalls_GetDistinctDeterministicIds_AndToolCallsReason(bool stream)
    {
        const string first = """{"functionCall":{"name":"get_weather","args":{"city":"Paris"}}}""";
        const string second = """{"functionCall":{"name":"get_weather","args":{"city":"Rome"}}}""";
        const string usage = "\"usageMetadata\":{\"promptTokenCount\":30,\"candidatesTokenCount\":10,\"totalTokenCount\":40}";
        Fake.Enqueue(Answer(stream,
            $$"""{"candidates":[{"content":{"role":"model","parts":[{{first}},{{second}}]},"finishReason":"STOP","index":0}],{{usage}}}""",
            $$"""{"candidates":[{"content":{"role":"model","parts":[{{first}}]},"index":0}]}""",
            $$"""{"candidates":[{"content":{"role":"model","parts":[{{second}}]},"finishReason":"STOP","index":0}],{{usage}}}"""));

        var response = await RunAsync(Request(stream));

        var choice = Assert.Single(response.Choices);
        Assert.Equal(FinishReason.ToolCalls, choice.FinishReason);
        var calls = choice.Message.ToolCalls!;
        Assert.Equal(["call_0", "call_1"], calls.Select(c => c.Id));
        Assert.All(calls, c => Assert.Equal("get_weather", c.Name));
        Assert.Equal(["Paris", "Rome"], calls.Select(c => JsonDocument.Parse(c.Arguments).RootElement.GetProperty("city").GetString()));
        Assert.Equal(40, response.Usage!.TotalTokens);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task FunctionCallWithGeminisOwnId_KeepsThatId(bool stream)
    {
        const string body = """{"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"id":"fc-77","name":"lookup","args":{}}}]},"finishReason":"STOP"}]}""";
        Fake.Enqueue(Answer(stream, body, body));

        var response = await RunAsync(Request(stream));

        var call = Assert.Single(response.Choices[0].Message.ToolCalls!);
        Assert.Equal("fc-77", call.Id);
        Assert.Equal("{}", call.Arguments);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ThoughtParts_AreNotContent_ThinkingTokensCountAsReasoningOutput(bool stream)
    {
        const string usage = "\"usageMetadata\":{\"promptTokenCount\":100,\"cachedContentTokenCount\":60,\"candidatesTokenCount\":5,\"thoughtsTokenCount\":20,\"totalTokenCount\":125}";
        Fake.Enqueue(Answer(stream,
            $$"""{"candidates":[{"content":{"role":"model","parts":[{"text":"Let me think.","thought":true},{"text":"Answer: 4"}]},"finishReason":"STOP"}],{{usage}},"modelVersion":"gemini-2.5-pro-exp","responseId":"resp-9"}""",
            """{"candidates":[{"content":{"role":"model","parts":[{"text":"Let me think.","thought":true}]}}],"modelVersion":"gemini-2.5-pro-exp","responseId":"resp-9"}""",
            """{"candidates":[{"content":{"role":"model","parts":[{"text":"Answer: "}]}}],"usageMetadata":{"promptTokenCount":100}}""",
            $$"""{"candidates":[{"content":{"role":"model","parts":[{"text":"4"}]},"finishReason":"STOP"}],{{usage}}}"""));

        var response = await RunAsync(Request(stream));

        Assert.Equal("Answer: 4", response.Choices[0].Message.Text);
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
        Assert.Equal("gemini-2.5-pro-exp", response.Model);
        Assert.Equal("resp-9", response.Id);
        var usageRead = response.Usage!;
        Assert.Equal(100, usageRead.InputTokens);
        Assert.Equal(60, usageRead.CachedInputTokens);
        Assert.Equal(25, usageRead.OutputTokens);
        Assert.Equal(20, usageRead.ReasoningTokens);
    }

    [Fact]
    public async Task Stream_FirstChunkIsAssistant_FinishOnLastText_ThenUsageOnlyChunk()
    {
        Fake.Enqueue(new TextScenario(["Hel", "lo"], FinishReason.Stop, new TokenUsage { InputTokens = 7, OutputTokens = 2 }));
        var chunks = new List<ChatStreamChunk>();

        await foreach (var chunk in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None)) chunks.Add(chunk);

        Assert.Equal(3, chunks.Count);
        Assert.Equal(ChatRole.Assistant, Assert.Single(chunks[0].Choices).Delta.Role);
        Assert.Equal("Hel", chunks[0].Choices[0].Delta.Content);
        Assert.Null(chunks[0].Choices[0].FinishReason);
        Assert.Null(chunks[1].Choices[0].Delta.Role);
        Assert.Equal("lo", chunks[1].Choices[0].Delta.Content);
        Assert.Equal(FinishReason.Stop, chunks[1].Choices[0].FinishReason);
        Assert.Empty(chunks[2].Choices);
        Assert.Equal(7, chunks[2].Usage!.InputTokens);
        Assert.Equal(2, chunks[2].Usage!.OutputTokens);
        Assert.All(chunks, c => Assert.Equal("fake-response-1", c.Id));
        Assert.All(chunks, c => Assert.Equal(UpstreamModel, c.Model));
    }

    [Fact]
    public async Task Stream_EndingWithoutFinishReason_FailsAfterItsChunks()
    {
        Fake.Enqueue(new GeminiRawScenario("""data: {"candidates":[{"content":{"role":"model","parts":[{"text":"partial"}]}}]}""" + "\r\n\r\n"));
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var chunk in Provider().StreamAsync(Request(true), UpstreamModel, CancellationToken.None)) received.Add(chunk);
        });

        Assert.Equal("partial", Assert.Single(received).Choices[0].Delta.Content);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal("fake-provider", ex.Error.Provider);
    }

    [Fact]
    public async Task Complete_AnswerWithoutCandidatesOrBlockReason_IsUpstreamError()
    {
        Fake.Enqueue(new GeminiRawScenario("""{"usageMetadata":{"promptTokenCount":3}}"""));

        var error = await FailsAsync(Request(false));

        Assert.Equal(ErrorKind.UpstreamError, error.Kind);
        Assert.Contains("no candidates", error.Message);
    }

    [Theory]
    [InlineData("STOP", false, FinishReason.Stop)]
    [InlineData("STOP", true, FinishReason.ToolCalls)]
    [InlineData("MAX_TOKENS", true, FinishReason.Length)]
    [InlineData("SAFETY", false, FinishReason.ContentFilter)]
    [InlineData("RECITATION", false, FinishReason.ContentFilter)]
    [InlineData("BLOCKLIST", false, FinishReason.ContentFilter)]
    [InlineData("PROHIBITED_CONTENT", false, FinishReason.ContentFilter)]
    [InlineData("SPII", false, FinishReason.ContentFilter)]
    [InlineData("MALFORMED_FUNCTION_CALL", false, FinishReason.Stop)]
    [InlineData("OTHER", false, FinishReason.Stop)]
    [InlineData(null, false, null)]
    public void FinishReasons_Map_GeminiValueToCanonical(string? gemini, bool calledFunction, FinishReason? expected) =>
        Assert.Equal(expected, GeminiFinishReasons.Map(gemini, calledFunction));
}
