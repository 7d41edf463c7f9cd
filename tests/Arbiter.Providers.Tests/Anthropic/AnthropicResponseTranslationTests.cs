using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>How Anthropic's answers, streamed and not, become canonical responses and chunks.</summary>
public sealed class AnthropicResponseTranslationTests : AnthropicFakeTestBase
{
    private const string Id = "msg_01Translation";
    private const string ServedModel = "claude-served-20250101";

    [Theory]
    [InlineData("end_turn", FinishReason.Stop, false), InlineData("end_turn", FinishReason.Stop, true)]
    [InlineData("stop_sequence", FinishReason.Stop, false), InlineData("stop_sequence", FinishReason.Stop, true)]
    [InlineData("pause_turn", FinishReason.Stop, false), InlineData("pause_turn", FinishReason.Stop, true)]
    [InlineData("max_tokens", FinishReason.Length, false), InlineData("max_tokens", FinishReason.Length, true)]
    [InlineData("model_context_window_exceeded", FinishReason.Length, false), InlineData("model_context_window_exceeded", FinishReason.Length, true)]
    [InlineData("refusal", FinishReason.ContentFilter, false), InlineData("refusal", FinishReason.ContentFilter, true)]
    public async Task Read_StopReason_MapsToFinishReason(string stopReason, FinishReason expected, bool stream)
    {
        Fake.Enqueue(stream
            ? AnthropicRawScenario.Sse([Start(), TextStart(0), TextDelta(0, "Hi"), Stop(0), Delta(stopReason, 3), ("message_stop", """{"type":"message_stop"}""")])
            : AnthropicRawScenario.Json(Message("""[{"type":"text","text":"Hi"}]""", stopReason)));

        var response = await RunAsync(Request(), stream);

        Assert.Equal(expected, response.Choices[0].FinishReason);
        Assert.Equal("Hi", response.Choices[0].Message.Text);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Read_ThinkingTextAndTwoToolUses_SkipsThinkingAndNumbersToolCallsFromZero(bool stream)
    {
        Fake.Enqueue(stream
            ? ThinkingTextAndTwoToolUsesSse()
            : AnthropicRawScenario.Json(Message("""
                [{"type":"thinking","thinking":"Two cities.","signature":"c2ln"},
                 {"type":"text","text":"Checking both."},
                 {"type":"tool_use","id":"toolu_A","name":"get_weather","input":{"city":"Paris"}},
                 {"type":"tool_use","id":"toolu_B","name":"get_weather","input":{"city":"Rome"}}]
                """, "tool_use")));

        var response = await RunAsync(Request(), stream);

        var message = response.Choices[0].Message;
        Assert.Equal("Checking both.", message.Text);
        Assert.Equal(FinishReason.ToolCalls, response.Choices[0].FinishReason);
        Assert.Collection(message.ToolCalls!,
            a => AssertCall(a, "toolu_A", "Paris"),
            b => AssertCall(b, "toolu_B", "Rome"));
        Assert.Equal(Id, response.Id);
        Assert.Equal(ServedModel, response.Model);
    }

    [Fact]
    public async Task Stream_ToolUseAfterThinkingAndText_ToolCallIndexIsOrdinalAmongToolCalls()
    {
        Fake.Enqueue(ThinkingTextAndTwoToolUsesSse());

        var chunks = await CollectAsync(Provider().StreamAsync(Request(), UpstreamModel, CancellationToken.None));

        var deltas = chunks.SelectMany(c => c.Choices).SelectMany(ch => ch.Delta.ToolCalls ?? []).ToList();
        Assert.Equal([(0, "toolu_A"), (1, "toolu_B")], deltas.Where(d => d.Id is not null).Select(d => (d.Index, d.Id!)));
        Assert.Equal("{\"city\": \"Paris\"}", string.Concat(deltas.Where(d => d.Index == 0).Select(d => d.ArgumentsDelta)));
        Assert.Equal("{\"city\": \"Rome\"}", string.Concat(deltas.Where(d => d.Index == 1).Select(d => d.ArgumentsDelta)));
        Assert.DoesNotContain(chunks.SelectMany(c => c.Choices), ch => ch.Delta.Content?.Contains("Two cities.") == true);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Read_CacheCreationTokens_MapToCacheWriteTokensInsideInput(bool stream)
    {
        Fake.Enqueue(new TextScenario(["ok"], FinishReason.Stop,
            new TokenUsage { InputTokens = 1500, CachedInputTokens = 800, CacheWriteTokens = 500, OutputTokens = 3 }));

        var response = await RunAsync(Request(), stream);

        Assert.Equal(1500, response.Usage!.InputTokens);
        Assert.Equal(800, response.Usage.CachedInputTokens);
        Assert.Equal(500, response.Usage.CacheWriteTokens);
        Assert.Equal(3, response.Usage.OutputTokens);
    }

    [Fact]
    public async Task Stream_Chunks_RoleFirstIdsFromMessageStartUsageLast()
    {
        Fake.Enqueue(AnthropicRawScenario.Sse([
            Start(), ("ping", """{"type":"ping"}"""), TextStart(0), TextDelta(0, "Hel"), TextDelta(0, "lo"), Stop(0),
            Delta("end_turn", 7), ("message_stop", """{"type":"message_stop"}"""),
        ]));

        var chunks = await CollectAsync(Provider().StreamAsync(Request(), UpstreamModel, CancellationToken.None));

        Assert.Equal(ChatRole.Assistant, chunks[0].Choices[0].Delta.Role);
        Assert.Single(chunks, c => c.Choices.Any(ch => ch.Delta.Role is not null));
        Assert.All(chunks, c => Assert.Equal(Id, c.Id));
        Assert.All(chunks, c => Assert.Equal(ServedModel, c.Model));
        Assert.Equal(["Hel", "lo"], chunks.SelectMany(c => c.Choices).Select(ch => ch.Delta.Content).OfType<string>());
        Assert.Equal(FinishReason.Stop, chunks[^2].Choices[0].FinishReason);
        var last = chunks[^1];
        Assert.Empty(last.Choices);
        Assert.Equal(new TokenUsage { InputTokens = 12, OutputTokens = 7 }, last.Usage);
        Assert.All(chunks[..^1], c => Assert.Null(c.Usage));
    }

    [Fact]
    public async Task Stream_ErrorEventAfterMessageStart_FailsBeforeTheFirstChunk()
    {
        Fake.Enqueue(AnthropicRawScenario.Sse([
            Start(),
            ("error", """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""),
        ]));
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(() =>
            CollectAsync(Provider().StreamAsync(Request(), UpstreamModel, CancellationToken.None), received));

        Assert.Empty(received);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal("fake-provider", ex.Error.Provider);
        Assert.Contains("overloaded_error", ex.Error.Message);
        Assert.Contains("Overloaded", ex.Error.Message);
    }

    [Fact]
    public async Task Stream_EndsWithoutMessageStop_IsUpstreamErrorAfterTheChunks()
    {
        Fake.Enqueue(AnthropicRawScenario.Sse([Start(), TextStart(0), TextDelta(0, "Half"), Stop(0), Delta("end_turn", 2)]));
        var received = new List<ChatStreamChunk>();

        var ex = await Assert.ThrowsAsync<ArbiterException>(() =>
            CollectAsync(Provider().StreamAsync(Request(), UpstreamModel, CancellationToken.None), received));

        Assert.Equal("Half", received[0].Choices[0].Delta.Content);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.IsType<IOException>(ex.InnerException);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Read_Overloaded529_IsUpstreamError(bool stream)
    {
        Fake.Enqueue(new ErrorScenario(529, "Overloaded"));

        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(Request(), stream));

        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal(529, ex.Error.UpstreamStatus);
        Assert.Contains("Overloaded", ex.Error.Message);
    }

    [Fact]
    public async Task Read_BodyWithoutContent_IsUpstreamError()
    {
        Fake.Enqueue(AnthropicRawScenario.Json("""{"id":"msg_x","type":"message","role":"assistant"}"""));

        var ex = await Assert.ThrowsAsync<ArbiterException>(() => RunAsync(Request(), stream: false));

        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Contains("content", ex.Error.Message);
    }

    /// <summary>A thinking block, a text block, then two tool_use blocks (content block indexes 0 to 3).</summary>
    private static AnthropicRawScenario ThinkingTextAndTwoToolUsesSse() => AnthropicRawScenario.Sse([
        Start(),
        ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Two cities."}}"""),
        ("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"c2ln"}}"""),
        Stop(0),
        TextStart(1), TextDelta(1, "Checking "), TextDelta(1, "both."), Stop(1),
        ToolStart(2, "toolu_A"), JsonDelta(2, "{\"city\":"), JsonDelta(2, " \"Paris\"}"), Stop(2),
        ToolStart(3, "toolu_B"), JsonDelta(3, "{\"city\": \"Rome\"}"), Stop(3),
        Delta("tool_use", 40),
        ("message_stop", """{"type":"message_stop"}"""),
    ]);

    private static void AssertCall(ToolCall call, string id, string city)
    {
        Assert.Equal(id, call.Id);
        Assert.Equal("get_weather", call.Name);
        using var args = JsonDocument.Parse(call.Arguments);
        Assert.Equal(city, args.RootElement.GetProperty("city").GetString());
    }

    private static string Message(string contentJson, string stopReason) => $$$"""
        {"id":"{{{Id}}}","type":"message","role":"assistant","model":"{{{ServedModel}}}","content":{{{contentJson}}},
         "stop_reason":"{{{stopReason}}}","stop_sequence":null,
         "usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":5}}
        """;

    private static (string, string) Start() => ("message_start", $$$"""
        {"type":"message_start","message":{"id":"{{{Id}}}","type":"message","role":"assistant","model":"{{{ServedModel}}}","content":[],
         "stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1} } }
        """.ReplaceLineEndings(""));

    private static (string, string) TextStart(int index) =>
        ("content_block_start", $$$"""{"type":"content_block_start","index":{{{index}}},"content_block":{"type":"text","text":""}}""");

    private static (string, string) TextDelta(int index, string text) =>
        ("content_block_delta", $$$"""{"type":"content_block_delta","index":{{{index}}},"delta":{"type":"text_delta","text":{{{JsonSerializer.Serialize(text)}}}}}""");

    private static (string, string) ToolStart(int index, string id) =>
        ("content_block_start", $$$"""{"type":"content_block_start","index":{{{index}}},"content_block":{"type":"tool_use","id":"{{{id}}}","name":"get_weather","input":{} } }""");

    private static (string, string) JsonDelta(int index, string partial) =>
        ("content_block_delta", $$$"""{"type":"content_block_delta","index":{{{index}}},"delta":{"type":"input_json_delta","partial_json":{{{JsonSerializer.Serialize(partial)}}}}}""");

    private static (string, string) Stop(int index) =>
        ("content_block_stop", $$$"""{"type":"content_block_stop","index":{{{index}}}}""");

    private static (string, string) Delta(string stopReason, int outputTokens) =>
        ("message_delta", $$$"""{"type":"message_delta","delta":{"stop_reason":"{{{stopReason}}}","stop_sequence":null},"usage":{"output_tokens":{{{outputTokens}}}}}""");
}
