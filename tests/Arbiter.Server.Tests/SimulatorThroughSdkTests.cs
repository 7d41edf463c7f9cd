using System.ClientModel;
using System.Text.Json;
using OpenAI.Chat;

namespace Arbiter.Server.Tests;

/// <summary>The gateway on simulated models, driven by the official OpenAI .NET SDK.</summary>
public sealed class SimulatorThroughSdkTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(TestConfigs.FastSimulator);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CompleteChat_SimulatedModel_AnswersWithUsageCostAndHeaders()
    {
        ClientResult<ChatCompletion> result = await _host.Chat("cheap").CompleteChatAsync([new UserChatMessage("Say something.")]);

        var completion = result.Value;
        Assert.StartsWith("[simulated cheap]", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-arbiter-model", out var model) && model == "cheap");
        Assert.True(headers.TryGetValue("x-arbiter-provider", out var provider) && provider == "sim");
        Assert.True(headers.TryGetValue("x-arbiter-simulated", out var simulated) && simulated == "true");
        Assert.True(headers.TryGetValue("x-request-id", out var id) && id!.StartsWith("req_"));
        Assert.True(headers.TryGetValue("x-arbiter-overhead-ms", out var overhead) && double.Parse(overhead!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.True(headers.TryGetValue("x-arbiter-cost-usd", out var cost));
        var expected = (completion.Usage.InputTokenCount * 0.15m + completion.Usage.OutputTokenCount * 0.60m) / 1_000_000m;
        Assert.Equal(expected, decimal.Parse(cost!, System.Globalization.CultureInfo.InvariantCulture));
        var record = await _host.RecordAsync(id!);
        Assert.Equal("cheap", record.ServedModel);
        Assert.Equal(expected, record.CostUsd);
        Assert.Equal(200, record.Status);
    }

    [Fact]
    public async Task CompleteChat_UnpricedModel_SaysUnpricedNeverZero()
    {
        var result = await _host.Chat("free-sim").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-arbiter-cost-usd", out var cost));
        Assert.Equal("unpriced", cost);
    }

    [Fact]
    public async Task CompleteChat_SameRequestTwice_SameAnswer()
    {
        var first = await _host.Chat("strong").CompleteChatAsync([new UserChatMessage("Determinism, please.")]);
        var second = await _host.Chat("strong").CompleteChatAsync([new UserChatMessage("Determinism, please.")]);

        Assert.Equal(first.Value.Content[0].Text, second.Value.Content[0].Text);
        Assert.Equal(first.Value.Usage.OutputTokenCount, second.Value.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task CompleteChatStreaming_DeliversTextInChunksAndUsage()
    {
        var text = new System.Text.StringBuilder();
        var updates = 0;
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        // The SDK asks for stream_options.include_usage itself.
        await foreach (var update in _host.Chat("auto").CompleteChatStreamingAsync([new UserChatMessage("Stream please.")]))
        {
            updates++;
            foreach (var part in update.ContentUpdate) text.Append(part.Text);
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.True(updates > 3);
        Assert.StartsWith("[simulated cheap]", text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage!.OutputTokenCount > 0);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Tools_SimulatorCallsTheOfferedFunction_WithSchemaShapedArguments(bool stream)
    {
        var tool = ChatTool.CreateFunctionTool("get_weather", "Weather for a city",
            BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city"]}"""));
        var options = new ChatCompletionOptions { Tools = { tool } };
        List<ChatMessage> messages = [new UserChatMessage("Weather in Oslo?")];

        string name, id, args;
        ChatFinishReason? finish;
        if (!stream)
        {
            var completion = (await _host.Chat("cheap").CompleteChatAsync(messages, options)).Value;
            var call = Assert.Single(completion.ToolCalls);
            (name, id, args, finish) = (call.FunctionName, call.Id, call.FunctionArguments.ToString(), completion.FinishReason);
        }
        else
        {
            var argsText = new System.Text.StringBuilder();
            (name, id, finish) = ("", "", null);
            await foreach (var u in _host.Chat("cheap").CompleteChatStreamingAsync(messages, options))
            {
                foreach (var t in u.ToolCallUpdates)
                {
                    if (t.FunctionName is not null) name = t.FunctionName;
                    if (t.ToolCallId is not null) id = t.ToolCallId;
                    if (t.FunctionArgumentsUpdate is not null) argsText.Append(t.FunctionArgumentsUpdate.ToString());
                }
                finish ??= u.FinishReason;
            }
            args = argsText.ToString();
        }

        Assert.Equal("get_weather", name);
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        using var doc = JsonDocument.Parse(args);
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("city").ValueKind);
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("days").ValueKind);
    }

    [Fact]
    public async Task Tools_AfterToolResult_AnswersInProse()
    {
        var tool = ChatTool.CreateFunctionTool("get_weather", "Weather", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}}}"""));
        List<ChatMessage> messages =
        [
            new UserChatMessage("Weather in Oslo?"),
            new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall("call_1", "get_weather", BinaryData.FromString("""{"city":"Oslo"}"""))]),
            new ToolChatMessage("call_1", """{"temp_c": 3}"""),
        ];

        var completion = (await _host.Chat("cheap").CompleteChatAsync(messages, new ChatCompletionOptions { Tools = { tool } })).Value;

        Assert.Empty(completion.ToolCalls);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.False(string.IsNullOrEmpty(completion.Content[0].Text));
    }

    [Fact]
    public async Task ResponseFormat_JsonSchema_AnswerMatchesTheSchema()
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("person",
                BinaryData.FromString("""{"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"},"tags":{"type":"array","items":{"type":"string"}}},"required":["name","age"]}""")),
        };

        var completion = (await _host.Chat("cheap").CompleteChatAsync([new UserChatMessage("Invent a person.")], options)).Value;

        using var doc = JsonDocument.Parse(completion.Content[0].Text);
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("age").ValueKind);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("tags").ValueKind);
    }

    [Fact]
    public async Task ResponseFormat_JsonObject_AnswerIsAJsonObject()
    {
        var options = new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() };

        var completion = (await _host.Chat("cheap").CompleteChatAsync([new UserChatMessage("JSON please.")], options)).Value;

        using var doc = JsonDocument.Parse(completion.Content[0].Text);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    [Fact]
    public async Task MaxTokens_Truncates_WithFinishReasonLength()
    {
        var completion = (await _host.Chat("strong").CompleteChatAsync([new UserChatMessage("Tell me a long story.")],
            new ChatCompletionOptions { MaxOutputTokenCount = 5 })).Value;

        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Equal(5, completion.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task ImageInUserContent_IsAccepted()
    {
        var image = ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes([0x89, 0x50, 0x4E, 0x47]), "image/png");
        var completion = (await _host.Chat("cheap").CompleteChatAsync([new UserChatMessage(ChatMessageContentPart.CreateTextPart("What is this?"), image)])).Value;

        Assert.False(string.IsNullOrEmpty(completion.Content[0].Text));
    }

    [Fact]
    public async Task UnknownModel_Is404ModelNotFound()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _host.Chat("gpt-9").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, ex.Status);
        using var doc = JsonDocument.Parse(ex.GetRawResponse()!.Content.ToString());
        Assert.Equal("model_not_found", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("gpt-9", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
