using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Ids;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using OpenAI.Chat;

namespace Arbiter.Server.Tests;

/// <summary>The gateway in front of a loopback OpenAI-compatible upstream: what passes through, and what each upstream failure becomes.</summary>
public sealed class UpstreamThroughGatewayTests : IAsyncLifetime
{
    private OpenAIFake _upstream = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await OpenAIFake.StartNewAsync();
        _host = await GatewayHost.StartYamlAsync(TestConfigs.OpenAIUpstream(_upstream.BaseUrl), TestConfigs.UpstreamEnv);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static TextScenario Hello => new(["Hello", " there"], FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 2 });

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _host.Http.PostAsync("/v1/chat/completions", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task UnmodelledFields_PassThroughUnchanged_AndTheUpstreamModelIdIsUsed()
    {
        _upstream.Enqueue(Hello);

        var response = await PostAsync("""
            {"model":"gpt-test","messages":[{"role":"user","content":"hi"}],"logit_bias":{"50256":-100},"prediction":{"type":"content","content":"x"},"service_tier":"flex","temperature":0.3}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = JsonNode.Parse(_upstream.LastRequest.Body)!;
        Assert.Equal("test-model-1", sent["model"]!.GetValue<string>());
        Assert.Equal(-100, sent["logit_bias"]!["50256"]!.GetValue<int>());
        Assert.Equal("content", sent["prediction"]!["type"]!.GetValue<string>());
        Assert.Equal("flex", sent["service_tier"]!.GetValue<string>());
        Assert.Equal(0.3, sent["temperature"]!.GetValue<double>());
        Assert.Equal("Bearer " + TestConfigs.UpstreamKey, _upstream.LastRequest.Headers["authorization"]);
    }

    [Fact]
    public async Task ClientKey_IsNeverForwardedUpstream()
    {
        _upstream.Enqueue(Hello);

        await _host.Chat("gpt-test").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.DoesNotContain("sk-client-key", string.Join("\n", _upstream.LastRequest.Headers.Values));
    }

    [Fact]
    public async Task ImagesAndToolsThroughSdk_ReachTheUpstreamInOpenAIShape()
    {
        _upstream.Enqueue(Hello);
        var tool = ChatTool.CreateFunctionTool("lookup", "Look up", BinaryData.FromString("""{"type":"object","properties":{"q":{"type":"string"}}}"""));
        var image = ChatMessageContentPart.CreateImagePart(new Uri("https://example.com/cat.png"), ChatImageDetailLevel.Low);

        await _host.Chat("gpt-test").CompleteChatAsync([new UserChatMessage(ChatMessageContentPart.CreateTextPart("What is it?"), image)],
            new ChatCompletionOptions { Tools = { tool }, ToolChoice = ChatToolChoice.CreateFunctionChoice("lookup"), Temperature = 0.5f, TopP = 0.9f, MaxOutputTokenCount = 50 });

        var sent = JsonNode.Parse(_upstream.LastRequest.Body)!;
        var parts = sent["messages"]![0]!["content"]!.AsArray();
        Assert.Equal("image_url", parts[1]!["type"]!.GetValue<string>());
        Assert.Equal("https://example.com/cat.png", parts[1]!["image_url"]!["url"]!.GetValue<string>());
        Assert.Equal("low", parts[1]!["image_url"]!["detail"]!.GetValue<string>());
        Assert.Equal("lookup", sent["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("lookup", sent["tool_choice"]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal(50, sent["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Streaming_WithoutIncludeUsage_UsageIsRequestedUpstreamButNotShownToClient()
    {
        _upstream.Enqueue(Hello);

        var response = await PostAsync("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonNode.Parse(_upstream.LastRequest.Body)!["stream_options"]!["include_usage"]!.GetValue<bool>());
        Assert.DoesNotContain("\"usage\"", body);
        Assert.EndsWith("data: [DONE]\n\n", body);
        var id = response.Headers.GetValues("x-request-id").Single();
        var record = await _host.RecordAsync(id);
        Assert.Equal(12, record.Usage!.TotalTokens);
        Assert.Equal((10 * 1.0m + 2 * 2.0m) / 1_000_000m, record.CostUsd);
    }

    [Fact]
    public async Task UpstreamRateLimit_Is429WithRetryAfter()
    {
        _upstream.Enqueue(new ErrorScenario(429, "Rate limit reached", RetryAfterSeconds: 12));

        var response = await PostAsync("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(12), response.Headers.RetryAfter!.Delta);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("rate_limit_error", error["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(500, 502)]
    [InlineData(503, 502)]
    [InlineData(401, 502)]
    [InlineData(504, 504)]
    public async Task UpstreamFailure_IsGatewayErrorNamingTheProviderWithoutSecrets(int upstreamStatus, int expected)
    {
        _upstream.Enqueue(new ErrorScenario(upstreamStatus, "failure mentioning " + TestConfigs.UpstreamKey));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _host.Chat("gpt-test").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(expected, ex.Status);
        var body = ex.GetRawResponse()!.Content.ToString();
        Assert.Contains("upstream", body);
        Assert.DoesNotContain("SECRET", body);
        Assert.Equal("upstream", JsonNode.Parse(body)!["error"]!["provider"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpstreamRedirect_IsNotFollowed_SoTheRequestAndItsKeyNeverReachAnotherHost()
    {
        await using var elsewhere = await OpenAIFake.StartNewAsync();
        elsewhere.Enqueue(Hello);
        for (var i = 0; i < 5; i++) _upstream.Enqueue(new RedirectScenario(elsewhere.BaseUrl + "/chat/completions")); // retries too

        var response = await PostAsync("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(0, elsewhere.RequestCount);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("upstream", error["provider"]!.GetValue<string>());
        Assert.Contains("redirect (HTTP 307)", error["message"]!.GetValue<string>());
        Assert.Contains("base_url", error["message"]!.GetValue<string>());
        Assert.DoesNotContain(elsewhere.BaseUrl, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpstreamBadRequest_Is400WithTheUpstreamsMessage()
    {
        _upstream.Enqueue(new ErrorScenario(400, "Unsupported parameter: 'foo'"));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _host.Chat("gpt-test").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(400, ex.Status);
        Assert.Contains("Unsupported parameter", ex.GetRawResponse()!.Content.ToString());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task RouteFallback_OnUpstreamFailure_ServesTheNextModel(bool stream)
    {
        _upstream.Enqueue(new ErrorScenario(500, "boom"));
        _upstream.Enqueue(new ErrorScenario(500, "boom again")); // the one retry an upstream_error gets by default

        var response = await PostAsync($$"""{"model":"with-fallback","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backup", response.Headers.GetValues("x-arbiter-model").Single());
        Assert.Equal("with-fallback", response.Headers.GetValues("x-arbiter-route").Single());
        Assert.Equal("3", response.Headers.GetValues("x-arbiter-attempts").Single());
        Assert.Equal("gpt-test/upstream upstream_error > gpt-test/upstream#1 upstream_error > backup/sim ok",
            response.Headers.GetValues("x-arbiter-fallback").Single());
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.Equal([(0, false), (1, false), (0, true)], record.Attempts.Select(a => (a.Retry, a.Succeeded)));
    }

    [Fact]
    public async Task StreamBrokenAfterFirstByte_EndsWithErrorEventAndNoDone_RecordedAsFailed()
    {
        var broken = new BrokenStreamScenario("partial");
        _upstream.Enqueue(broken);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"with-fallback","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        var response = await _host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await StreamedBody.ReadToEndAsync(response, "partial", broken.PieceArrived.Arrived);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("partial", body);
        Assert.DoesNotContain("[DONE]", body);
        var lastEvent = body.Trim().Split("\n\n").Last();
        Assert.StartsWith("data: ", lastEvent);
        Assert.NotNull(JsonNode.Parse(lastEvent["data: ".Length..])!["error"]);
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.Equal(502, record.Status);
        Assert.Equal("gpt-test", record.ServedModel);
        Assert.Equal("partial".Length, record.DeliveredChars);
    }

    [Fact]
    public async Task ClientRequestId_IsEchoed()
    {
        _upstream.Enqueue(Hello);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-request-id", "trace-abc-123");

        var response = await _host.Http.SendAsync(request);

        Assert.Equal("trace-abc-123", response.Headers.GetValues("x-request-id").Single());
        Assert.False((await _host.RecordAsync("trace-abc-123")).RequestIdIssued);
    }

    [Fact]
    public async Task NoClientRequestId_TheIssuedOneCarriesTheRecordsStart()
    {
        // A gateway clock far from the machine's: the id and the record must both take the start from it.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero));
        await using var host = await GatewayHost.StartAsync(ConfigLoader.Parse(TestConfigs.OpenAIUpstream(_upstream.BaseUrl)), TestConfigs.UpstreamEnv, time: time);
        _upstream.Enqueue(Hello);

        var response = await host.Http.PostAsync("/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        var id = response.Headers.GetValues("x-request-id").Single();
        var record = await host.RecordAsync(id);
        Assert.Equal(time.GetUtcNow(), record.StartedAt);
        Assert.True(record.RequestIdIssued);
        // The request log finds the row by this start time (RequestRow.RowId): the two must be the same instant.
        Assert.True(IssuedRequestId.TryReadStart(id, out var startedMs));
        Assert.Equal(record.StartedAt.ToUnixTimeMilliseconds(), startedMs);
    }
}
