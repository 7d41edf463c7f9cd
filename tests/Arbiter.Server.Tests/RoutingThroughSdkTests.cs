using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OpenAI.Chat;

namespace Arbiter.Server.Tests;

/// <summary>The routing engine through the gateway, driven by the OpenAI .NET SDK: headers, records, cascades, shadow, privacy.</summary>
public sealed class RoutingThroughSdkTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(RoutingConfigs.Simulated);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Header(ClientResult result, string name) =>
        result.GetRawResponse().Headers.TryGetValue(name, out var v) ? v! : throw new Xunit.Sdk.XunitException($"no {name} header");

    /// <summary>Runs a chat, streamed or not: the text, the finish reason and the raw response.</summary>
    private async Task<(string Text, ChatFinishReason? Finish, ClientResult Raw)> AskAsync(string model, string prompt, bool stream, ChatCompletionOptions? options = null)
    {
        var capture = new LastResponsePolicy();
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri("http://localhost/v1"),
            Transport = new HttpClientPipelineTransport(_host.Http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        clientOptions.AddPolicy(capture, PipelinePosition.PerCall);
        var chat = new ChatClient(model, new ApiKeyCredential("sk-client-key"), clientOptions);
        List<ChatMessage> messages = [new UserChatMessage(prompt)];
        if (!stream)
        {
            var result = await chat.CompleteChatAsync(messages, options);
            return (result.Value.Content.Count > 0 ? result.Value.Content[0].Text : "", result.Value.FinishReason, result);
        }
        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        ClientResult? raw = null;
        var updates = chat.CompleteChatStreamingAsync(messages, options);
        await foreach (var u in updates)
        {
            foreach (var part in u.ContentUpdate) text.Append(part.Text);
            finish ??= u.FinishReason;
        }
        raw = ClientResult.FromResponse(capture.Last!);
        return (text.ToString(), finish, raw);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task TierRoute_HeadersAndRecordExplainTheChoice(bool stream)
    {
        var (text, _, raw) = await AskAsync("summarize", "Summarize this.", stream);

        Assert.StartsWith("[simulated cheap]", text);
        Assert.Equal("summarize", Header(raw, "x-arbiter-route"));
        Assert.Equal("tier:fast -> cheap (cheapest meeting 0.8)", Header(raw, "x-arbiter-decision"));
        var record = await _host.RecordAsync(Header(raw, "x-request-id"));
        Assert.Equal("summarize", record.Route);
        Assert.Equal("tier:fast -> cheap (cheapest meeting 0.8)", record.Decision);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Cascade_FirstStagePasses_AcceptedAtStageOne(bool stream)
    {
        var (text, finish, raw) = await AskAsync("auto", "Tell me.", stream);

        Assert.StartsWith("[simulated cheap]", text);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal("cheap", Header(raw, "x-arbiter-model"));
        Assert.Equal("cascade:auto -> cheap > strong | cheap accepted", Header(raw, "x-arbiter-decision"));
        var record = await _host.RecordAsync(Header(raw, "x-request-id"));
        Assert.Single(record.Attempts);
        Assert.Equal("cheap", record.ServedModel);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Cascade_FirstStageTruncated_EscalatesAndOnlyTheStrongAnswerReachesTheClient(bool stream)
    {
        var (text, finish, raw) = await AskAsync("auto", "Explain in detail.", stream, new ChatCompletionOptions { MaxOutputTokenCount = 100 });

        Assert.StartsWith("[simulated strong]", text);
        Assert.DoesNotContain("[simulated cheap]", text);
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.Equal("strong", Header(raw, "x-arbiter-model"));
        var decision = Header(raw, "x-arbiter-decision");
        Assert.StartsWith("cascade:auto -> cheap > strong | cheap rejected: truncation (truncated) | strong ", decision);
        var record = await _host.RecordAsync(Header(raw, "x-request-id"));
        Assert.Equal(["cheap", "strong"], record.Attempts.Select(a => a.Model));
        Assert.Equal(1, record.Escalations);
        Assert.Equal(decision, record.Decision);
        // The client pays for both stages: cheap's 100 cut-off tokens are in the cost.
        var cheapCost = 100 * 0.40m / 1_000_000m;
        Assert.True(record.CostUsd > cheapCost, $"cost {record.CostUsd} includes the rejected stage");
        if (!stream) Assert.Equal(record.CostUsd, decimal.Parse(Header(raw, "x-arbiter-cost-usd"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Cascade_CostCapReached_BestAnswerSoFarAndSaysSo()
    {
        var (text, finish, raw) = await AskAsync("capped", "Explain in detail.", stream: false, new ChatCompletionOptions { MaxOutputTokenCount = 100 });

        Assert.StartsWith("[simulated cheap]", text);
        Assert.Equal(ChatFinishReason.Length, finish);
        Assert.Contains("| cap $0.0000001 reached | returning cheap", Header(raw, "x-arbiter-decision"));
        var record = await _host.RecordAsync(Header(raw, "x-request-id"));
        Assert.Single(record.Attempts);
    }

    [Fact]
    public async Task TaskHeader_OnAuto_PicksTheTaskRoute()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new JsonObject { ["model"] = "auto", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }) }),
        };
        message.Headers.Add("x-arbiter-task", "summarize");

        var response = await _host.Http.SendAsync(message);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("summarize", response.Headers.GetValues("x-arbiter-route").Single());
        Assert.Equal("task:summarize -> tier:fast -> cheap (cheapest meeting 0.8)", response.Headers.GetValues("x-arbiter-decision").Single());
    }

    [Fact]
    public async Task TaskMetadata_OnAuto_PicksTheTaskRoute()
    {
        var options = new ChatCompletionOptions { Metadata = { ["arbiter_task"] = "summarize" }, StoredOutputEnabled = false };

        var (_, _, raw) = await AskAsync("auto", "hi", stream: false, options);

        Assert.Equal("summarize", Header(raw, "x-arbiter-route"));
        Assert.Equal("summarize", (await _host.RecordAsync(Header(raw, "x-request-id"))).TaskType);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Shadow_MirroredAndRecordedSideBySide_NeverReturned(bool stream)
    {
        var (text, _, raw) = await AskAsync("mirrored", "Compare us.", stream);

        Assert.StartsWith("[simulated cheap]", text);
        Assert.DoesNotContain("[simulated strong]", text);
        Assert.Equal("cheap", Header(raw, "x-arbiter-model"));
        var id = Header(raw, "x-request-id");
        var primary = await _host.RecordAsync(id);
        Assert.Equal("strong", primary.ShadowModel);
        var shadow = await _host.RecordAsync(id + "-shadow");
        Assert.Equal("strong", shadow.ServedModel);
        Assert.Equal(id, shadow.Shadow!.PrimaryRequestId);
        Assert.Equal(text, shadow.Shadow.PrimaryAnswer);
        Assert.StartsWith("[simulated strong]", shadow.Shadow.ShadowAnswer);
        Assert.Equal("Compare us.", shadow.Shadow.Prompt);
        Assert.True(shadow.CostUsd > 0);
    }

    [Fact]
    public async Task Privacy_Block_CardNumber_400NamesTheKindNotTheNumber()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _host.Chat("no-cards").CompleteChatAsync([new UserChatMessage("Pay with 4111-1111-1111-1111")]));

        Assert.Equal(400, ex.Status);
        var body = ex.GetRawResponse()!.Content.ToString();
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("sensitive_data_detected", error["code"]!.GetValue<string>());
        Assert.Equal("messages", error["param"]!.GetValue<string>());
        Assert.Contains("card", error["message"]!.GetValue<string>());
        Assert.DoesNotContain("4111", body);
    }

    [Fact]
    public async Task Privacy_Private_SecretGoesToTheSelfHostedModel()
    {
        var (text, _, raw) = await AskAsync("on-prem", "my AWS key is AKIAIOSFODNN7EXAMPLE", stream: false);

        Assert.StartsWith("[simulated local]", text);
        Assert.Equal("privacy:api_key -> tier:private -> local (cheapest in tier)", Header(raw, "x-arbiter-decision"));
        var record = await _host.RecordAsync(Header(raw, "x-request-id"));
        Assert.Equal(["api_key"], record.PrivacyFindings);
    }

    [Fact]
    public async Task DirectModel_DecisionIsTheModel()
    {
        var (_, _, raw) = await AskAsync("strong", "hi", stream: false);

        Assert.Equal("strong", Header(raw, "x-arbiter-route"));
        Assert.Equal("model:strong", Header(raw, "x-arbiter-decision"));
    }
}
