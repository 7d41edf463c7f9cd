using System.Text.Json;
using Arbiter.Core.Chat;
using static Arbiter.Providers.Tests.Simulated.SimulatedKit;

namespace Arbiter.Providers.Tests.Simulated;

/// <summary>The simulator's tool calls and JSON answers: shaped by the tools and schemas the request gives.</summary>
public sealed class SimulatedStructuredAnswerTests
{
    private static readonly ToolDefinition Weather = new()
    {
        Name = "get_weather",
        Parameters = Json("""
            {"type":"object","properties":{
              "city":{"type":"string"},"days":{"type":"integer"},"metric":{"type":"boolean"},
              "lat":{"type":"number"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},
             "required":["city"]}
            """),
    };

    private static readonly ToolDefinition Search = new()
    {
        Name = "search_docs",
        Parameters = Json("""{"type":"object","properties":{"query":{"type":"string"},"tags":{"type":"array","items":{"type":"string"}}}}"""),
    };

    private static ChatRequest WithTools(bool stream = false, ToolChoice? choice = null) =>
        Ask("What is the weather in Paris?", stream) with { Tools = [Weather, Search], ToolChoice = choice };

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_ToolsOnAUserTurn_CallsTheFirstToolWithSchemaTypedArguments(bool stream)
    {
        var (response, _) = await RunAsync(Create(), WithTools(stream));

        var choice = response.Choices[0];
        Assert.Equal(FinishReason.ToolCalls, choice.FinishReason);
        var call = Assert.Single(choice.Message.ToolCalls!);
        Assert.Equal("get_weather", call.Name);
        Assert.False(string.IsNullOrEmpty(call.Id));
        var args = Json(call.Arguments);
        Assert.Equal(JsonValueKind.Object, args.ValueKind);
        Assert.Equal(JsonValueKind.String, args.GetProperty("city").ValueKind);
        Assert.True(args.GetProperty("days").TryGetInt32(out _));
        Assert.True(args.GetProperty("metric").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.Equal(JsonValueKind.Number, args.GetProperty("lat").ValueKind);
        Assert.Contains(args.GetProperty("unit").GetString(), new[] { "celsius", "fahrenheit" });
        Assert.True(response.Usage!.OutputTokens > 0);
    }

    [Fact]
    public async Task StreamAsync_ToolCall_EqualsTheNonStreamedCall()
    {
        var provider = Create(seed: 4);

        var (whole, _) = await RunAsync(provider, WithTools());
        var (streamed, _) = await RunAsync(provider, WithTools(stream: true));

        var a = Assert.Single(whole.Choices[0].Message.ToolCalls!);
        var b = Assert.Single(streamed.Choices[0].Message.ToolCalls!);
        Assert.Equal((a.Id, a.Name, a.Arguments), (b.Id, b.Name, b.Arguments));
        Assert.Equal(whole.Usage, streamed.Usage);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_ToolChoiceFunction_CallsTheNamedTool(bool stream)
    {
        var (response, _) = await RunAsync(Create(), WithTools(stream, new ToolChoice(ToolChoiceMode.Function, "search_docs")));

        var call = Assert.Single(response.Choices[0].Message.ToolCalls!);
        Assert.Equal("search_docs", call.Name);
        var args = Json(call.Arguments);
        Assert.Equal(JsonValueKind.String, args.GetProperty("query").ValueKind);
        Assert.All(args.GetProperty("tags").EnumerateArray(), t => Assert.Equal(JsonValueKind.String, t.ValueKind));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_ToolChoiceNone_AnswersInText(bool stream)
    {
        var (response, _) = await RunAsync(Create(), WithTools(stream, ToolChoice.None));

        Assert.Null(response.Choices[0].Message.ToolCalls);
        Assert.False(string.IsNullOrEmpty(response.Choices[0].Message.Text));
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_AfterAToolResult_AnswersInText(bool stream)
    {
        var request = WithTools(stream) with
        {
            Messages =
            [
                ChatMessage.User("What is the weather in Paris?"),
                new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("call_1", "get_weather", """{"city":"Paris"}""")] },
                new ChatMessage { Role = ChatRole.Tool, ToolCallId = "call_1", Text = """{"temp_c":21}""" },
            ],
        };

        var (response, _) = await RunAsync(Create(), request);

        Assert.Null(response.Choices[0].Message.ToolCalls);
        Assert.False(string.IsNullOrEmpty(response.Choices[0].Message.Text));
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_JsonObjectFormat_AnswersWithAJsonObject(bool stream)
    {
        var request = Ask("Reply in JSON.", stream) with { ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonObject } };

        var (response, _) = await RunAsync(Create(), request);

        var json = Json(response.Choices[0].Message.Text!);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.NotEmpty(json.EnumerateObject());
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_JsonSchemaFormat_AnswersWithAnInstanceOfTheSchema(bool stream)
    {
        var schema = Json("""
            {"type":"object","properties":{
              "name":{"type":"string"},
              "age":{"type":"integer"},
              "active":{"type":"boolean"},
              "role":{"type":"string","enum":["admin","editor","viewer"]},
              "scores":{"type":"array","items":{"type":"integer"}},
              "address":{"type":"object","properties":{"street":{"type":"string"},"zip":{"type":"integer"}},"required":["street","zip"]}},
             "required":["name","age","active","role","scores","address"],"additionalProperties":false}
            """);
        var request = Ask("Make a user.", stream) with
        {
            ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonSchema, SchemaName = "user", Schema = schema, Strict = true },
        };

        var (response, _) = await RunAsync(Create(), request);

        var json = Json(response.Choices[0].Message.Text!);
        Assert.Equal(["name", "age", "active", "role", "scores", "address"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, json.GetProperty("name").ValueKind);
        Assert.True(json.GetProperty("age").TryGetInt64(out _));
        Assert.True(json.GetProperty("active").ValueKind is JsonValueKind.True or JsonValueKind.False);
        Assert.Contains(json.GetProperty("role").GetString(), new[] { "admin", "editor", "viewer" });
        var scores = json.GetProperty("scores");
        Assert.Equal(JsonValueKind.Array, scores.ValueKind);
        Assert.NotEmpty(scores.EnumerateArray());
        Assert.All(scores.EnumerateArray(), s => Assert.True(s.TryGetInt64(out _)));
        var address = json.GetProperty("address");
        Assert.Equal(JsonValueKind.String, address.GetProperty("street").ValueKind);
        Assert.True(address.GetProperty("zip").TryGetInt64(out _));
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }

    [Fact]
    public async Task CompleteAsync_JsonSchemaWithSmallMaxTokens_StillValidJson()
    {
        var request = Ask("Make a user.") with
        {
            MaxOutputTokens = 2,
            ResponseFormat = new ResponseFormat
            {
                Kind = ResponseFormatKind.JsonSchema, SchemaName = "x",
                Schema = Json("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}"""),
            },
        };

        var response = await Create(sim: Fast(outputTokens: 100)).CompleteAsync(request, Model, CancellationToken.None);

        var json = Json(response.Choices[0].Message.Text!);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(FinishReason.Stop, response.Choices[0].FinishReason);
    }
}
