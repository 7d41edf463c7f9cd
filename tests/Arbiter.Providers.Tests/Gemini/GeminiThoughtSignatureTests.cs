using System.Text.Json.Nodes;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Tests.Gemini;

/// <summary>Gemini 3's function-call signatures survive the round trip through an OpenAI client's tool call ids.</summary>
public sealed class GeminiThoughtSignatureTests : GeminiTestHarness
{
    private const string Signature = "CiQBjz1rX2sig+/=";
    private const string Part = """{"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"CiQBjz1rX2sig+/="}""";

    private static GeminiRawScenario SignedCall(bool stream) => new(stream
        ? "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + Part + "]},\"finishReason\":\"STOP\"}]}\r\n\r\n"
        : "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + Part + "]},\"finishReason\":\"STOP\"}]}");

    [Theory, InlineData(false), InlineData(true)]
    public async Task SignedFunctionCall_SignatureRidesInTheToolCallId(bool stream)
    {
        Fake.Enqueue(SignedCall(stream));

        var response = await RunAsync(Request(stream));

        var call = Assert.Single(response.Choices[0].Message.ToolCalls!);
        Assert.Equal("call_0__thought__" + Signature, call.Id);
        Assert.Equal("get_weather", call.Name);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task NextTurn_SendsTheSignatureBackBesideTheCall_AndPlainIds(bool stream)
    {
        Fake.Enqueue(new Conformance.TextScenario(["18 C"], FinishReason.Stop, new TokenUsage { InputTokens = 5, OutputTokens = 2 }));
        var id = "call_0__thought__" + Signature;
        var request = Request(stream,
            ChatMessage.User("Weather in Paris?"),
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall(id, "get_weather", "{\"city\":\"Paris\"}")] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = id, Text = "{\"temp_c\":18}" });

        await RunAsync(request);

        var contents = JsonNode.Parse(Fake.LastRequest.Body)!["contents"]!.AsArray();
        var callPart = contents[1]!["parts"]![0]!;
        Assert.Equal(Signature, callPart["thoughtSignature"]!.GetValue<string>());
        Assert.Equal("call_0", callPart["functionCall"]!["id"]!.GetValue<string>());
        var responsePart = contents[2]!["parts"]![0]!;
        Assert.Equal("call_0", responsePart["functionResponse"]!["id"]!.GetValue<string>());
        Assert.Equal("get_weather", responsePart["functionResponse"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnsignedCall_IdHasNoMarker()
    {
        Fake.Enqueue(new GeminiRawScenario("""{"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"f","args":{}}}]},"finishReason":"STOP"}]}"""));

        var response = await RunAsync(Request(false));

        Assert.Equal("call_0", Assert.Single(response.Choices[0].Message.ToolCalls!).Id);
    }
}
