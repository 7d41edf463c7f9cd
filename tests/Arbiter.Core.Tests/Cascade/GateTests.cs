using System.Text.Json;
using Arbiter.Core.Cascade;
using Arbiter.Core.Cascade.Gates;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Cascade;

public sealed class GateTests
{
    private static readonly Models.ModelEntry Model = FakeCatalog.Of(new FakeChatProvider("p")).All.Single();

    private static GateInput Input(ChatMessage answer, FinishReason? finish = FinishReason.Stop, ResponseFormat? format = null) => new(
        new ChatRequest { Model = "r", Messages = [ChatMessage.User("q")], ResponseFormat = format },
        new ChatResponse { Id = "x", Created = 1, Model = "m", Choices = [new ChatChoice(0, answer, finish)] },
        Model, new RouteConfig());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n ", "empty")]
    [InlineData("I can't help with that.", "refused")]
    [InlineData("I'm sorry, but I cannot assist with this request.", "refused")]
    [InlineData("As an AI, I do not have opinions.", "refused")]
    [InlineData("Here is the answer.", null)]
    [InlineData("The error says \"I can't help\" when the token is missing; set it and retry.", null)]
    public async Task EmptyGate_Text(string text, string? rejection)
    {
        var verdict = await new EmptyAnswerGate().CheckAsync(Input(ChatMessage.Assistant(text)), default);

        Assert.Equal(rejection is null, verdict.Passed);
        Assert.Equal(rejection, verdict.Reason);
    }

    [Fact]
    public async Task EmptyGate_ToolCallWithoutText_Passes_RefusalField_Fails()
    {
        var call = new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("1", "f", "{}")] };
        var refusal = new ChatMessage { Role = ChatRole.Assistant, Refusal = "no" };

        Assert.True((await new EmptyAnswerGate().CheckAsync(Input(call), default)).Passed);
        Assert.Equal("refused", (await new EmptyAnswerGate().CheckAsync(Input(refusal), default)).Reason);
    }

    [Theory]
    [InlineData(FinishReason.Length, false)]
    [InlineData(FinishReason.Stop, true)]
    [InlineData(FinishReason.ToolCalls, true)]
    public async Task TruncationGate_FinishReason(FinishReason finish, bool passed)
    {
        Assert.Equal(passed, (await new TruncationGate().CheckAsync(Input(ChatMessage.Assistant("x"), finish), default)).Passed);
    }

    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{"name":{"type":"string","minLength":1},"age":{"type":"integer","minimum":0},
         "tags":{"type":"array","items":{"enum":["a","b"]},"maxItems":2}},"required":["name"],"additionalProperties":false}
        """).RootElement;

    [Theory]
    [InlineData("{\"name\":\"x\",\"age\":3,\"tags\":[\"a\"]}", null)]
    [InlineData("{\"name\":\"x\"}", null)]
    [InlineData("{\"age\":3}", "schema: $: missing required property 'name'")]
    [InlineData("{\"name\":\"x\",\"age\":1.5}", "schema: $.age: expected integer, got number")]
    [InlineData("{\"name\":\"x\",\"age\":-1}", "schema: $.age: value -1 below minimum 0")]
    [InlineData("{\"name\":\"\"}", "schema: $.name: length 0 below minLength 1")]
    [InlineData("{\"name\":\"x\",\"tags\":[\"c\"]}", "schema: $.tags[0]: not one of the allowed values")]
    [InlineData("{\"name\":\"x\",\"tags\":[\"a\",\"b\",\"a\"]}", "schema: $.tags: item count 3 above maxItems 2")]
    [InlineData("{\"name\":\"x\",\"extra\":1}", "schema: $: property 'extra' is not allowed")]
    [InlineData("[1]", "JSON is not an object")]
    [InlineData("{\"name\":", "invalid JSON")]
    public async Task JsonGate_SchemaAsked(string answer, string? rejection)
    {
        var format = new ResponseFormat { Kind = ResponseFormatKind.JsonSchema, Schema = Schema };

        var verdict = await new JsonAnswerGate().CheckAsync(Input(ChatMessage.Assistant(answer), format: format), default);

        Assert.Equal(rejection, verdict.Reason);
        Assert.Equal(rejection is null, verdict.Passed);
    }

    [Theory]
    [InlineData(null, "not json", true)]
    [InlineData(ResponseFormatKind.Text, "not json", true)]
    [InlineData(ResponseFormatKind.JsonObject, "not json", false)]
    [InlineData(ResponseFormatKind.JsonObject, "{\"any\":1}", true)]
    public async Task JsonGate_OnlyWhenJsonWasAsked(ResponseFormatKind? kind, string answer, bool passed)
    {
        var format = kind is { } k ? new ResponseFormat { Kind = k } : null;

        Assert.Equal(passed, (await new JsonAnswerGate().CheckAsync(Input(ChatMessage.Assistant(answer), format: format), default)).Passed);
    }

    [Theory]
    [InlineData("{\"score\": 0.4}", 0.4)]
    [InlineData("{\"score\": 87}", 0.87)]
    [InlineData("{\"score\": 1}", 1.0)]
    [InlineData("{\"score\": -2}", null)]
    [InlineData("{\"grade\": 0.4}", null)]
    [InlineData("0.4", null)]
    public void Judge_ReadScore(string text, double? expected)
    {
        Assert.Equal(expected, JudgeGate.ReadScore(text));
    }
}
