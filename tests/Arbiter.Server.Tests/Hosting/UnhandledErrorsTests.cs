using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Arbiter.Server.Orchestration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Tests.Hosting;

/// <summary>A bug in the gateway is a 500 in the OpenAI shape, with a request id and nothing of the exception; a chat request's is also logged.</summary>
public sealed class UnhandledErrorsTests
{
    private const string Secret = "internal detail sk-should-not-leak";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ChatRequest_GatewayBug_Is500InTheOpenAIShapeWithTheRequestId(bool stream)
    {
        // A broken service on the chat path: the orchestration endpoint cannot be made.
        await using var host = await GatewayHost.StartAsync(ConfigLoader.Parse(TestConfigs.FastSimulator), configure: b =>
            b.Services.AddSingleton<OrchestratedChatEndpoint>(_ => throw new InvalidOperationException(Secret)));

        var response = await host.Http.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"ensemble:any","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var requestId = Assert.Single(response.Headers.GetValues("x-request-id"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("should-not-leak", body);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("server_error", error["type"]!.GetValue<string>());
        Assert.Contains(requestId, error["message"]!.GetValue<string>());
        var record = await host.RecordAsync(requestId); // the failure is in the request log too
        Assert.Equal(500, record.Status);
        Assert.Equal("ensemble:any", record.RequestedModel);

        // The gateway goes on serving.
        var next = await host.Http.PostAsync("/v1/chat/completions", new StringContent(
            """{"model":"cheap","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task OtherEndpoint_GatewayBug_Is500InTheOpenAIShapeWithANewRequestId()
    {
        // A broken feedback store: POST /v1/feedback goes through the UnhandledErrors middleware, not the chat endpoint.
        var store = new InMemoryRequestStore();
        var app = ArbiterServer.Build(new ArbiterServerOptions
        {
            Config = ConfigLoader.Parse(TestConfigs.FastSimulator),
            RequestStore = store,
            FeedbackStore = new BrokenFeedbackStore(),
        }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        try
        {
            var http = app.GetTestServer().CreateClient();
            var chat = await http.PostAsync("/v1/chat/completions", new StringContent(
                """{"model":"cheap","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));
            var chatId = Assert.Single(chat.Headers.GetValues("x-request-id"));
            for (var i = 0; i < 200 && store.Find(chatId) is null; i++) await Task.Delay(10);

            var response = await http.PostAsync("/v1/feedback", new StringContent(
                $$"""{"request_id":"{{chatId}}","score":1}""", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var requestId = Assert.Single(response.Headers.GetValues("x-request-id"));
            Assert.StartsWith("req_", requestId); // an id of its own, made for the error
            Assert.NotEqual(chatId, requestId);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("should-not-leak", body);
            var error = JsonNode.Parse(body)!["error"]!;
            Assert.Equal("server_error", error["type"]!.GetValue<string>());
            Assert.Contains($"(request id {requestId})", error["message"]!.GetValue<string>());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class BrokenFeedbackStore : IFeedbackStore
    {
        public Task WriteAsync(QualityFeedback feedback, CancellationToken cancellationToken) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<QualityFeedback>> QueryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<QualityFeedback>>([]);
    }
}
