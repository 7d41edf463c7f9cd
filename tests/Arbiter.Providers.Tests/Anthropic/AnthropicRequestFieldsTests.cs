using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>The top-level fields and headers of the request (everything but the messages), read back from the fake.</summary>
public sealed class AnthropicRequestFieldsTests : AnthropicFakeTestBase
{
    private static readonly ToolDefinition Weather = new()
    {
        Name = "get_weather",
        Description = "Current weather for a city",
        Parameters = Json("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""),
    };

    [Theory, InlineData(null, ConfigDefaults.AnthropicDefaultMaxTokens), InlineData(256, 256)]
    public async Task Write_MaxTokens_ClientValueOrRequiredDefault(int? clientMax, int expected)
    {
        var body = await SentBodyAsync(Request() with { MaxOutputTokens = clientMax });

        Assert.Equal(expected, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(UpstreamModel, body.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData(ToolChoiceMode.Auto, "auto")]
    [InlineData(ToolChoiceMode.Required, "any")]
    [InlineData(ToolChoiceMode.None, "none")]
    [InlineData(ToolChoiceMode.Function, "tool")]
    public async Task Write_ToolChoice_MapsToAnthropicType(ToolChoiceMode mode, string expectedType)
    {
        var choice = new ToolChoice(mode, mode == ToolChoiceMode.Function ? "get_weather" : null);

        var body = await SentBodyAsync(Request() with { Tools = [Weather], ToolChoice = choice });

        var sent = body.GetProperty("tool_choice");
        Assert.Equal(expectedType, sent.GetProperty("type").GetString());
        Assert.Equal(mode == ToolChoiceMode.Function ? "get_weather" : null, sent.TryGetProperty("name", out var n) ? n.GetString() : null);
        Assert.False(sent.TryGetProperty("disable_parallel_tool_use", out _));
    }

    [Fact]
    public async Task Write_ParallelToolCallsFalse_DisablesParallelToolUseOnAuto()
    {
        var body = await SentBodyAsync(Request() with { Tools = [Weather], ParallelToolCalls = false });

        var sent = body.GetProperty("tool_choice");
        Assert.Equal("auto", sent.GetProperty("type").GetString());
        Assert.True(sent.GetProperty("disable_parallel_tool_use").GetBoolean());
    }

    [Fact]
    public async Task Write_ToolChoiceWithoutTools_NeitherIsSent()
    {
        var body = await SentBodyAsync(Request() with { ToolChoice = ToolChoice.Required });

        Assert.False(body.TryGetProperty("tools", out _));
        Assert.False(body.TryGetProperty("tool_choice", out _));
    }

    [Fact]
    public async Task Write_Tools_NameDescriptionAndInputSchemaDefaultingToObject()
    {
        var body = await SentBodyAsync(Request() with { Tools = [Weather, new ToolDefinition { Name = "now" }] });

        var tools = body.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal("get_weather", tools[0].GetProperty("name").GetString());
        Assert.Equal("Current weather for a city", tools[0].GetProperty("description").GetString());
        Assert.Equal("city", tools[0].GetProperty("input_schema").GetProperty("required")[0].GetString());
        Assert.Equal("now", tools[1].GetProperty("name").GetString());
        Assert.False(tools[1].TryGetProperty("description", out _));
        Assert.Equal("""{"type":"object"}""", tools[1].GetProperty("input_schema").GetRawText());
    }

    [Fact]
    public async Task Write_SamplingStopAndUser_UseAnthropicNames()
    {
        var body = await SentBodyAsync(Request() with { Temperature = 0.2, TopP = 0.9, Stop = ["END", "STOP"], User = "user-42" });

        Assert.Equal(0.2, body.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble());
        Assert.Equal(["END", "STOP"], body.GetProperty("stop_sequences").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("user-42", body.GetProperty("metadata").GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task Write_OpenAIOnlyFields_AreNotForwarded()
    {
        var body = await SentBodyAsync(Request() with
        {
            N = 2, Seed = 7, PresencePenalty = 0.5, FrequencyPenalty = 0.5, StreamIncludeUsage = true,
            Metadata = new Dictionary<string, string> { ["team"] = "search" },
            ExtraFields = [new("logprobs", Json("true")), new("service_tier", Json("\"flex\""))],
        });

        Assert.Equal(["model", "max_tokens", "messages"], body.EnumerateObject().Select(p => p.Name));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Write_JsonSchemaResponseFormat_AppendsInstructionAndSchemaToSystem(bool stream)
    {
        var format = new ResponseFormat
        {
            Kind = ResponseFormatKind.JsonSchema,
            SchemaName = "forecast",
            Schema = Json("""{"type":"object","properties":{"temp_c":{"type":"number"}},"required":["temp_c"]}"""),
        };

        var body = await SentBodyAsync(Request(ChatMessage.System("Be brief."), ChatMessage.User("Weather?")) with { ResponseFormat = format }, stream);

        var system = body.GetProperty("system").GetString()!;
        Assert.StartsWith("Be brief.\n\n", system);
        Assert.Contains("JSON", system);
        Assert.Contains("forecast", system);
        Assert.Contains("\"temp_c\"", system);
    }

    [Fact]
    public async Task Write_JsonObjectResponseFormatWithoutSystem_SystemIsTheInstructionAlone()
    {
        var body = await SentBodyAsync(Request() with { ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonObject } });

        var system = body.GetProperty("system").GetString()!;
        Assert.Contains("JSON object", system);
        Assert.DoesNotContain("\n\n", system);
    }

    [Theory, InlineData(null, ConfigDefaults.AnthropicVersion), InlineData("2024-10-22", "2024-10-22")]
    public async Task Headers_ApiKeyAndVersion_SentAsAnthropicHeaders(string? configured, string expected)
    {
        EnqueueOk();

        await Provider(configured).CompleteAsync(Request(), UpstreamModel, CancellationToken.None);

        var sent = Fake.LastRequest;
        Assert.Equal("/v1/messages", sent.Path);
        Assert.Equal(ApiKey, sent.Headers["x-api-key"]);
        Assert.Equal(expected, sent.Headers["anthropic-version"]);
        Assert.StartsWith("application/json", sent.Headers["content-type"]);
    }
}
