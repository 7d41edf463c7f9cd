using System.Globalization;
using System.Text.Json;
using OpenAI.Chat;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>Ensembles over the simulator, through the official OpenAI SDK: headers, the arbiter metadata field, the request record.</summary>
public sealed class EnsembleThroughSdkTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(OrchestrationConfigs.Simulator);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CompleteChat_ProseFromDifferentModels_DisagreementAboveThresholdEscalatesToSupervisor()
    {
        var result = await _host.Chat("ensemble:panel").CompleteChatAsync([new UserChatMessage("Explain routing.")]);

        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-arbiter-disagreement", out var d));
        Assert.True(double.Parse(d!, CultureInfo.InvariantCulture) > 0.5);
        Assert.True(headers.TryGetValue("x-arbiter-escalated", out var escalated) && escalated == "true");
        Assert.True(headers.TryGetValue("x-arbiter-model", out var model) && model == "strong");
        Assert.StartsWith("[simulated strong]", result.Value.Content[0].Text);
        using var body = JsonDocument.Parse(result.GetRawResponse().Content);
        var arbiter = body.RootElement.GetProperty("arbiter");
        Assert.True(arbiter.GetProperty("escalated").GetBoolean());
        Assert.Equal("text", arbiter.GetProperty("comparison").GetString());
        Assert.Equal(3, arbiter.GetProperty("calls").GetArrayLength());

        headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.Equal("ensemble", record.Mode);
        Assert.True(record.Escalated);
        Assert.Equal(double.Parse(d!, CultureInfo.InvariantCulture), record.Disagreement!.Value, 4);
        Assert.True(record.FanOutCostUsd > 0);
        Assert.True(record.CostUsd > record.FanOutCostUsd);
        Assert.Equal(200, record.Status);
    }

    [Fact]
    public async Task CompleteChat_ClosedQuestionAsJsonSchema_MembersAgreeAndNothingEscalates()
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("label", BinaryData.FromString(SentimentSchema)),
        };

        var result = await _host.Chat("ensemble:panel").CompleteChatAsync([new UserChatMessage(SentimentQuestion)], options);

        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-arbiter-disagreement", out var d) && d == "0");
        Assert.True(headers.TryGetValue("x-arbiter-escalated", out var escalated) && escalated == "false");
        using var answer = JsonDocument.Parse(result.Value.Content[0].Text);
        Assert.Contains(answer.RootElement.GetProperty("sentiment").GetString(), new[] { "positive", "negative", "neutral" });
        headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.Equal(0, record.Disagreement);
        Assert.False(record.Escalated);
    }

    [Fact]
    public async Task Stream_ClosedQuestion_DecidedAnswerStreamedWithMetadataOnTheLastChunk()
    {
        var body = "{\"model\":\"ensemble:panel\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"" + SentimentQuestion
            + "\"}],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"label\",\"schema\":" + SentimentSchema + "}}}";

        var response = await _host.Http.PostAsync("/v1/chat/completions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var text = string.Concat(events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement)
            .Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : ""));
        using var answer = JsonDocument.Parse(text);
        Assert.True(answer.RootElement.TryGetProperty("sentiment", out _));
        using var last = JsonDocument.Parse(events[^2]["data: ".Length..]);
        Assert.True(last.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
        Assert.Equal(0, last.RootElement.GetProperty("arbiter").GetProperty("disagreement").GetDouble());
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.True(record.Stream);
        Assert.Equal("ensemble", record.Mode);
    }

    private const string SentimentQuestion = "Sentiment of: I love this gateway";
    private const string SentimentSchema =
        """{"type":"object","properties":{"sentiment":{"type":"string","enum":["positive","negative","neutral"]}},"required":["sentiment"],"additionalProperties":false}""";

    [Fact]
    public async Task CompleteChat_CostCapBelowOneExtraCall_GovernorStopsTheFanOut()
    {
        var result = await _host.Chat("ensemble:capped").CompleteChatAsync([new UserChatMessage("Anything.")]);

        Assert.Single(result.Value.Content);
        using var body = JsonDocument.Parse(result.GetRawResponse().Content);
        var calls = body.RootElement.GetProperty("arbiter").GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(2, calls.Count(c => c.TryGetProperty("note", out var n) && n.GetString()!.Contains("cost cap")));
    }

    [Fact]
    public async Task CompleteChat_UnknownEnsemble_ModelNotFoundNamingTheConfiguredOnes()
    {
        var ex = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => _host.Chat("ensemble:nope").CompleteChatAsync([new UserChatMessage("x")]));

        Assert.Equal(404, ex.Status);
        Assert.Contains("capped, panel", ex.Message);
    }
}
