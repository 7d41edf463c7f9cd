using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.OpenAIFormat;

public sealed class OpenAIRequestWriterTests
{
    private static readonly ChatRequest Minimal = new() { Model = "client-model", Messages = [ChatMessage.User("hi")] };

    private static JsonElement Write(ChatRequest r, OpenAIRequestWriteOptions? options = null, string upstream = "upstream-model") =>
        Json.WriteAndParse(w => OpenAIRequestWriter.Write(w, r, upstream, options ?? new OpenAIRequestWriteOptions()));

    [Theory]
    [InlineData("max_tokens", "max_completion_tokens")]
    [InlineData("max_completion_tokens", "max_tokens")]
    public void Write_MaxOutputTokens_UsesConfiguredFieldName(string field, string other)
    {
        var body = Write(Minimal with { MaxOutputTokens = 100 }, new OpenAIRequestWriteOptions { MaxTokensField = field });

        Assert.Equal(100, body.GetProperty(field).GetInt32());
        Assert.False(body.TryGetProperty(other, out _));
    }

    [Fact]
    public void Write_IncludeModel_WritesUpstreamModelNotClientModel()
    {
        var body = Write(Minimal);

        Assert.Equal("upstream-model", body.GetProperty("model").GetString());
    }

    [Fact]
    public void Write_IncludeModelFalse_OmitsModel()
    {
        var body = Write(Minimal, new OpenAIRequestWriteOptions { IncludeModel = false });

        Assert.False(body.TryGetProperty("model", out _));
        Assert.Equal("hi", body.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(true, true, false, true)]
    [InlineData(true, false, true, true)]
    [InlineData(true, false, false, false)]
    [InlineData(false, true, false, false)]
    public void Write_StreamOptions_OnlyWhenStreamingAndUsageWanted(bool stream, bool requestStreamUsage, bool clientWantsUsage, bool expected)
    {
        var body = Write(Minimal with { Stream = stream, StreamIncludeUsage = clientWantsUsage },
            new OpenAIRequestWriteOptions { RequestStreamUsage = requestStreamUsage });

        Assert.Equal(stream, body.TryGetProperty("stream", out var s) && s.GetBoolean());
        Assert.Equal(expected, body.TryGetProperty("stream_options", out var so));
        if (expected) Assert.True(so.GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public void Write_ToolChoiceFunction_WritesFunctionObject()
    {
        var body = Write(Minimal with { ToolChoice = new ToolChoice(ToolChoiceMode.Function, "get_weather") });

        var choice = body.GetProperty("tool_choice");
        Assert.Equal("function", choice.GetProperty("type").GetString());
        Assert.Equal("get_weather", choice.GetProperty("function").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(ToolChoiceMode.Auto, "auto")]
    [InlineData(ToolChoiceMode.None, "none")]
    [InlineData(ToolChoiceMode.Required, "required")]
    public void Write_ToolChoiceMode_WritesString(ToolChoiceMode mode, string expected)
    {
        var body = Write(Minimal with { ToolChoice = new ToolChoice(mode) });

        Assert.Equal(expected, body.GetProperty("tool_choice").GetString());
    }

    [Fact]
    public void Write_ResponseFormatJsonSchema_WritesNameSchemaStrict()
    {
        var schema = Json.Parse("""{"type":"object","properties":{"x":{"type":"integer"}}}""");
        var body = Write(Minimal with
        {
            ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonSchema, SchemaName = "answer", Schema = schema, Strict = true },
        });

        var f = body.GetProperty("response_format");
        Assert.Equal("json_schema", f.GetProperty("type").GetString());
        var js = f.GetProperty("json_schema");
        Assert.Equal("answer", js.GetProperty("name").GetString());
        Assert.True(js.GetProperty("strict").GetBoolean());
        Assert.True(JsonElement.DeepEquals(schema, js.GetProperty("schema")));
    }

    [Theory]
    [InlineData(ResponseFormatKind.Text, "text")]
    [InlineData(ResponseFormatKind.JsonObject, "json_object")]
    public void Write_ResponseFormatSimpleKinds_WritesType(ResponseFormatKind kind, string expected)
    {
        var body = Write(Minimal with { ResponseFormat = new ResponseFormat { Kind = kind } });

        Assert.Equal(expected, body.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public void Write_FullRequest_IsValidJsonWithEveryField()
    {
        var r = new ChatRequest
        {
            Model = "m",
            Messages =
            [
                ChatMessage.System("sys"),
                new ChatMessage { Role = ChatRole.User, Parts = [new TextPart("look"), new ImagePart("https://x/y.png", "low")] },
                new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("c1", "f", """{"a":1}""")] },
                new ChatMessage { Role = ChatRole.Tool, ToolCallId = "c1", Text = "done" },
            ],
            Tools = [new ToolDefinition { Name = "f", Description = "does f", Parameters = Json.Parse("""{"type":"object"}"""), Strict = false }],
            ParallelToolCalls = true,
            Temperature = 0.25,
            TopP = 0.5,
            Stop = ["x", "y"],
            N = 1,
            Seed = -7,
            PresencePenalty = 1.5,
            FrequencyPenalty = -1.5,
            User = "u",
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        };

        var body = Write(r);

        var messages = body.GetProperty("messages");
        Assert.Equal(4, messages.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, messages[2].GetProperty("content").ValueKind);
        Assert.Equal("c1", messages[2].GetProperty("tool_calls")[0].GetProperty("id").GetString());
        Assert.Equal("""{"a":1}""", messages[2].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("c1", messages[3].GetProperty("tool_call_id").GetString());
        Assert.Equal("low", messages[1].GetProperty("content")[1].GetProperty("image_url").GetProperty("detail").GetString());
        Assert.Equal("f", body.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.False(body.GetProperty("tools")[0].GetProperty("function").GetProperty("strict").GetBoolean());
        Assert.True(body.GetProperty("parallel_tool_calls").GetBoolean());
        Assert.Equal(0.25, body.GetProperty("temperature").GetDouble());
        Assert.Equal(0.5, body.GetProperty("top_p").GetDouble());
        Assert.Equal(["x", "y"], body.GetProperty("stop").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(-7, body.GetProperty("seed").GetInt64());
        Assert.Equal(1.5, body.GetProperty("presence_penalty").GetDouble());
        Assert.Equal(-1.5, body.GetProperty("frequency_penalty").GetDouble());
        Assert.Equal("u", body.GetProperty("user").GetString());
        Assert.Equal("v", body.GetProperty("metadata").GetProperty("k").GetString());
        Assert.False(body.TryGetProperty("stream", out _));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameRequest()
    {
        var r = Minimal with { Temperature = 1.2, Stop = ["s"], Seed = 9, ToolChoice = ToolChoice.None };

        var back = OpenAIRequestReader.Read(Write(r, upstream: "client-model"));

        Assert.Equal("client-model", back.Model);
        Assert.Equal(1.2, back.Temperature);
        Assert.Equal(["s"], back.Stop!);
        Assert.Equal(9L, back.Seed);
        Assert.Equal(ToolChoice.None, back.ToolChoice);
        Assert.Equal("hi", Assert.Single(back.Messages).Text);
    }
}
