using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Providers.Tests.Conformance;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>What the adapter puts on the wire, asserted on the body the fake received.</summary>
public sealed class GeminiRequestTranslationTests : GeminiTestHarness
{
    private static readonly TextScenario Ok = new(["ok"], FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 1 });

    private async Task<JsonElement> SendAsync(ChatRequest request)
    {
        Fake.Enqueue(Ok);
        await RunAsync(request);
        return SentBody();
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Endpoint_ModelInPathKeyInHeader_BodyHasNoModelOrStreamField(bool stream)
    {
        var body = await SendAsync(Request(stream));

        var sent = Fake.LastRequest;
        Assert.Equal("POST", sent.Method);
        Assert.Equal(stream ? "/v1beta/models/gemini-test-1:streamGenerateContent" : "/v1beta/models/gemini-test-1:generateContent", sent.Path);
        Assert.Equal(stream ? "?alt=sse" : "", sent.Query);
        Assert.Equal(ApiKey, sent.Headers["x-goog-api-key"]);
        Assert.False(body.TryGetProperty("model", out _));
        Assert.False(body.TryGetProperty("stream", out _));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task SystemAndDeveloperMessages_BecomeSystemInstruction_NotContents(bool stream)
    {
        var body = await SendAsync(Request(stream,
            ChatMessage.System("Be brief."),
            new ChatMessage { Role = ChatRole.Developer, Text = "Answer in French." },
            ChatMessage.User("Hi")));

        var parts = body.GetProperty("systemInstruction").GetProperty("parts");
        Assert.Equal(["Be brief.", "Answer in French."], parts.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        var content = Assert.Single(body.GetProperty("contents").EnumerateArray());
        Assert.Equal("user", content.GetProperty("role").GetString());
        Assert.Equal("Hi", Assert.Single(content.GetProperty("parts").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Contents_AssistantIsModel_ConsecutiveSameRoleTurnsMerge()
    {
        var body = await SendAsync(Request(false,
            ChatMessage.User("a"), ChatMessage.User("b"), ChatMessage.Assistant("c"), ChatMessage.Assistant("d"), ChatMessage.User("e")));

        var contents = body.GetProperty("contents").EnumerateArray()
            .Select(c => (c.GetProperty("role").GetString(), string.Join(",", c.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("text").GetString()))))
            .ToList();
        Assert.Equal([("user", "a,b"), ("model", "c,d"), ("user", "e")], contents);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ToolResults_FunctionResponseNamedFromTheEarlierCall_ObjectOrWrappedText(bool stream)
    {
        var body = await SendAsync(Request(stream,
            ChatMessage.User("Weather and time in Paris?"),
            new ChatMessage
            {
                Role = ChatRole.Assistant,
                ToolCalls = [new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("call_b", "get_time", "{\"tz\":\"CET\"}")],
            },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_b", Text = "12:00" },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_a", Text = "{\"temp_c\": 18}" }));

        var contents = body.GetProperty("contents");
        Assert.Equal(3, contents.GetArrayLength());
        var model = contents[1];
        Assert.Equal("model", model.GetProperty("role").GetString());
        var call = model.GetProperty("parts")[0].GetProperty("functionCall");
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("call_a", call.GetProperty("id").GetString());
        Assert.Equal("Paris", call.GetProperty("args").GetProperty("city").GetString());
        Assert.Equal("get_time", model.GetProperty("parts")[1].GetProperty("functionCall").GetProperty("name").GetString());

        var results = contents[2];
        Assert.Equal("user", results.GetProperty("role").GetString());
        var time = results.GetProperty("parts")[0].GetProperty("functionResponse");
        Assert.Equal("get_time", time.GetProperty("name").GetString());
        Assert.Equal("call_b", time.GetProperty("id").GetString());
        Assert.Equal("12:00", time.GetProperty("response").GetProperty("result").GetString());
        var weather = results.GetProperty("parts")[1].GetProperty("functionResponse");
        Assert.Equal("get_weather", weather.GetProperty("name").GetString());
        Assert.Equal(18, weather.GetProperty("response").GetProperty("temp_c").GetInt32());
    }

    [Fact]
    public async Task ToolResult_ForACallNoAssistantMade_IsInvalidRequest()
    {
        var error = await FailsAsync(Request(false,
            ChatMessage.User("hi"),
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_missing", Text = "42" }));

        Assert.Equal(ErrorKind.InvalidRequest, error.Kind);
        Assert.Equal("messages[1].tool_call_id", error.Param);
        Assert.Contains("call_missing", error.Message);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task GenerationConfig_CarriesSamplingLimitsAndStops_NotUserMetadataOrExtras(bool stream)
    {
        var body = await SendAsync(Request(stream) with
        {
            Temperature = 0.3, TopP = 0.9, MaxOutputTokens = 256, Stop = ["END", "###"], N = 2, Seed = 42,
            PresencePenalty = 0.5, FrequencyPenalty = 0.25, User = "user-7",
            Metadata = new Dictionary<string, string> { ["team"] = "x" },
            ExtraFields = [new("logit_bias", Json("""{"50256": -100}"""))],
        });

        var config = body.GetProperty("generationConfig");
        Assert.Equal(0.3, config.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, config.GetProperty("topP").GetDouble());
        Assert.Equal(256, config.GetProperty("maxOutputTokens").GetInt32());
        Assert.Equal(["END", "###"], config.GetProperty("stopSequences").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(2, config.GetProperty("candidateCount").GetInt32());
        Assert.Equal(42, config.GetProperty("seed").GetInt32());
        Assert.Equal(0.5, config.GetProperty("presencePenalty").GetDouble());
        Assert.Equal(0.25, config.GetProperty("frequencyPenalty").GetDouble());
        Assert.False(config.TryGetProperty("responseMimeType", out _));
        Assert.Equal(["contents", "generationConfig"], body.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task GenerationConfig_NothingToSay_IsLeftOut()
    {
        var body = await SendAsync(Request(false));

        Assert.False(body.TryGetProperty("generationConfig", out _));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ResponseFormat_JsonObject_SetsJsonMimeTypeWithoutSchema(bool stream)
    {
        var body = await SendAsync(Request(stream) with { ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonObject } });

        var config = body.GetProperty("generationConfig");
        Assert.Equal("application/json", config.GetProperty("responseMimeType").GetString());
        Assert.False(config.TryGetProperty("responseJsonSchema", out _));
        Assert.False(config.TryGetProperty("responseSchema", out _));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ResponseFormat_JsonSchema_SendsThePlainSchemaAsResponseJsonSchema(bool stream)
    {
        const string schema = """{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}""";
        var body = await SendAsync(Request(stream) with
        {
            ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonSchema, SchemaName = "person", Schema = Json(schema), Strict = true },
        });

        var config = body.GetProperty("generationConfig");
        Assert.Equal("application/json", config.GetProperty("responseMimeType").GetString());
        Assert.Equal(schema, config.GetProperty("responseJsonSchema").GetRawText());
        Assert.False(config.TryGetProperty("responseSchema", out _));
    }

    [Theory]
    [InlineData(ToolChoiceMode.Auto, null, "AUTO")]
    [InlineData(ToolChoiceMode.None, null, "NONE")]
    [InlineData(ToolChoiceMode.Required, null, "ANY")]
    [InlineData(ToolChoiceMode.Function, "get_time", "ANY")]
    public async Task ToolChoice_MapsToFunctionCallingMode(ToolChoiceMode mode, string? function, string expectedMode)
    {
        var body = await SendAsync(Request(false) with { Tools = Tools(), ToolChoice = new ToolChoice(mode, function) });

        var config = body.GetProperty("toolConfig").GetProperty("functionCallingConfig");
        Assert.Equal(expectedMode, config.GetProperty("mode").GetString());
        if (function is null) Assert.False(config.TryGetProperty("allowedFunctionNames", out _));
        else Assert.Equal([function], config.GetProperty("allowedFunctionNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Tools_AreFunctionDeclarationsWithJsonSchemaParameters_NoToolConfigWithoutChoice()
    {
        var body = await SendAsync(Request(false) with { Tools = Tools() });

        var declarations = Assert.Single(body.GetProperty("tools").EnumerateArray()).GetProperty("functionDeclarations");
        Assert.Equal(2, declarations.GetArrayLength());
        Assert.Equal("get_weather", declarations[0].GetProperty("name").GetString());
        Assert.Equal("Current weather for a city", declarations[0].GetProperty("description").GetString());
        Assert.Equal(Tools()[0].Parameters!.Value.GetRawText(), declarations[0].GetProperty("parametersJsonSchema").GetRawText());
        Assert.False(declarations[1].TryGetProperty("parametersJsonSchema", out _));
        Assert.False(body.TryGetProperty("toolConfig", out _));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Images_DataUriIsInlineData_UrlIsFileDataWithGuessedType(bool stream)
    {
        var body = await SendAsync(Request(stream, new ChatMessage
        {
            Role = ChatRole.User,
            Parts =
            [
                new TextPart("What differs?"),
                new ImagePart("data:image/png;base64,iVBORw0KGgo="),
                new ImagePart("https://example.com/cat.webp?size=large"),
                new ImagePart("https://example.com/render"),
            ],
        }));

        var parts = Assert.Single(body.GetProperty("contents").EnumerateArray()).GetProperty("parts");
        Assert.Equal("What differs?", parts[0].GetProperty("text").GetString());
        var inline = parts[1].GetProperty("inlineData");
        Assert.Equal("image/png", inline.GetProperty("mimeType").GetString());
        Assert.Equal("iVBORw0KGgo=", inline.GetProperty("data").GetString());
        var file = parts[2].GetProperty("fileData");
        Assert.Equal("image/webp", file.GetProperty("mimeType").GetString());
        Assert.Equal("https://example.com/cat.webp?size=large", file.GetProperty("fileUri").GetString());
        Assert.Equal("image/jpeg", parts[3].GetProperty("fileData").GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task UnsupportedRawPart_IsInvalidRequestNamingTheProvider()
    {
        var error = await FailsAsync(Request(false, new ChatMessage
        {
            Role = ChatRole.User,
            Parts = [new RawPart("input_audio", Json("""{"type":"input_audio","input_audio":{"data":"AAAA","format":"wav"}}"""))],
        }));

        Assert.Equal(ErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("fake-provider", error.Message);
        Assert.Contains("input_audio", error.Message);
    }

    private static IReadOnlyList<ToolDefinition> Tools() =>
    [
        new ToolDefinition
        {
            Name = "get_weather",
            Description = "Current weather for a city",
            Parameters = Json("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}"""),
        },
        new ToolDefinition { Name = "get_time" },
    ];
}
