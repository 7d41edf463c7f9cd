using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Config;
using Arbiter.Server.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Tests.Hosting;

/// <summary>A bug in the gateway is a 500 in the OpenAI shape, with the request id and nothing of the exception, and is logged.</summary>
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
}
