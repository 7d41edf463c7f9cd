using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>How the conversation becomes Anthropic's system and messages, read back from the body the fake received.</summary>
public sealed class AnthropicRequestTranslationTests : AnthropicFakeTestBase
{
    private static readonly ToolDefinition Weather = new()
    {
        Name = "get_weather",
        Description = "Current weather for a city",
        Parameters = Json("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""),
    };

    [Theory, InlineData(false), InlineData(true)]
    public async Task Write_SystemAndDeveloperMessages_JoinedIntoTopLevelSystem(bool stream)
    {
        var body = await SentBodyAsync(Request(
            ChatMessage.System("Be brief."),
            ChatMessage.User("Weather?"),
            new ChatMessage { Role = ChatRole.Developer, Text = "Use metric units." }), stream);

        Assert.Equal("Be brief.\n\nUse metric units.", body.GetProperty("system").GetString());
        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal("Weather?", message.GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(stream, body.TryGetProperty("stream", out var s) && s.GetBoolean());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Write_ConsecutiveToolResults_MergedIntoOneUserMessage(bool stream)
    {
        var body = await SentBodyAsync(Request(
            ChatMessage.User("Weather in Paris and Rome?"),
            new ChatMessage
            {
                Role = ChatRole.Assistant,
                Text = "Checking both.",
                ToolCalls = [new ToolCall("toolu_1", "get_weather", "{\"city\":\"Paris\"}"), new ToolCall("toolu_2", "get_weather", "{\"city\":\"Rome\"}")],
            },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "toolu_1", Text = "18 C" },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "toolu_2", Text = "24 C" },
            ChatMessage.User("Which is warmer?")) with { Tools = [Weather] }, stream);

        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        var assistant = messages[1].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text", "tool_use", "tool_use"], assistant.Select(b => b.GetProperty("type").GetString()));
        var results = messages[2].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["tool_result", "tool_result", "text"], results.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("toolu_1", results[0].GetProperty("tool_use_id").GetString());
        Assert.Equal("18 C", results[0].GetProperty("content").GetString());
        Assert.Equal("toolu_2", results[1].GetProperty("tool_use_id").GetString());
        Assert.Equal("24 C", results[1].GetProperty("content").GetString());
        Assert.Equal("Which is warmer?", results[2].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Write_ConsecutiveUserMessages_MergedIntoOneTurn()
    {
        var body = await SentBodyAsync(Request(ChatMessage.User("First."), ChatMessage.User("Second.")));

        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal(["First.", "Second."], message.GetProperty("content").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Write_MessageWithoutContent_LeftOutAndNeighboursMerged()
    {
        var body = await SentBodyAsync(Request(ChatMessage.User("First."), ChatMessage.Assistant(""), ChatMessage.User("Second.")));

        var message = Assert.Single(body.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal(2, message.GetProperty("content").GetArrayLength());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Write_AssistantToolCall_InputIsParsedJsonObject(bool stream)
    {
        var body = await SentBodyAsync(Request(
            ChatMessage.User("Weather?"),
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("toolu_9", "get_weather", "{\"city\": \"Paris\", \"days\": 3}")] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "toolu_9", Text = "18 C" }) with { Tools = [Weather] }, stream);

        var toolUse = Assert.Single(body.GetProperty("messages")[1].GetProperty("content").EnumerateArray());
        Assert.Equal("tool_use", toolUse.GetProperty("type").GetString());
        Assert.Equal("toolu_9", toolUse.GetProperty("id").GetString());
        Assert.Equal("get_weather", toolUse.GetProperty("name").GetString());
        var input = toolUse.GetProperty("input");
        Assert.Equal(JsonValueKind.Object, input.ValueKind);
        Assert.Equal("Paris", input.GetProperty("city").GetString());
        Assert.Equal(3, input.GetProperty("days").GetInt32());
    }

    [Theory, InlineData(""), InlineData("{\"city\": \"Par"), InlineData("[1,2]")]
    public async Task Write_ToolArgumentsNotAnObject_SentAsEmptyObject(string arguments)
    {
        var body = await SentBodyAsync(Request(
            ChatMessage.User("Weather?"),
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("toolu_9", "get_weather", arguments)] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "toolu_9", Text = "error: bad arguments" }) with { Tools = [Weather] });

        var input = body.GetProperty("messages")[1].GetProperty("content")[0].GetProperty("input");
        Assert.Equal(JsonValueKind.Object, input.ValueKind);
        Assert.Empty(input.EnumerateObject());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Write_Images_DataUriAsBase64AndHttpsAsUrl(bool stream)
    {
        var body = await SentBodyAsync(Request(new ChatMessage
        {
            Role = ChatRole.User,
            Parts = [new TextPart("Compare these."), new ImagePart("data:image/png;base64,iVBORw0KGgo="), new ImagePart("https://example.com/cat.jpg", "high")],
        }), stream);

        var blocks = body.GetProperty("messages")[0].GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text", "image", "image"], blocks.Select(b => b.GetProperty("type").GetString()));
        var inline = blocks[1].GetProperty("source");
        Assert.Equal("base64", inline.GetProperty("type").GetString());
        Assert.Equal("image/png", inline.GetProperty("media_type").GetString());
        Assert.Equal("iVBORw0KGgo=", inline.GetProperty("data").GetString());
        var linked = blocks[2].GetProperty("source");
        Assert.Equal("url", linked.GetProperty("type").GetString());
        Assert.Equal("https://example.com/cat.jpg", linked.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Write_ToolResultWithParts_SentAsContentBlocks()
    {
        var body = await SentBodyAsync(Request(
            ChatMessage.User("Show the chart."),
            new ChatMessage { Role = ChatRole.Assistant, ToolCalls = [new ToolCall("toolu_3", "chart", "{}")] },
            new ChatMessage { Role = ChatRole.Tool, ToolCallId = "toolu_3", Parts = [new TextPart("Here:"), new ImagePart("data:image/gif;base64,R0lGOD==")] })
            with { Tools = [new ToolDefinition { Name = "chart" }] });

        var result = Assert.Single(body.GetProperty("messages")[2].GetProperty("content").EnumerateArray());
        var content = result.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal("Here:", content[0].GetProperty("text").GetString());
        Assert.Equal("image/gif", content[1].GetProperty("source").GetProperty("media_type").GetString());
    }
}
