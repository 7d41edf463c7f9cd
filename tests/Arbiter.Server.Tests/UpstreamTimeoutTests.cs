using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Server.Tests;

/// <summary>An upstream that does not answer within server.upstream_timeout_seconds: 504, or the next model on a route.</summary>
public sealed class UpstreamTimeoutTests : IAsyncLifetime
{
    private OpenAIFake _upstream = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await OpenAIFake.StartNewAsync();
        // 1 s bounds the fallback's own call too, so it is not made as short as the hang would allow.
        var yaml = TestConfigs.OpenAIUpstream(_upstream.BaseUrl).Replace("server: {", "server: { upstream_timeout_seconds: 1,");
        _host = await GatewayHost.StartYamlAsync(yaml, TestConfigs.UpstreamEnv);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static DelayedScenario Hang => new(TimeSpan.FromSeconds(30), new TextScenario(["late"], FinishReason.Stop, new TokenUsage()));

    [Theory, InlineData(false), InlineData(true)]
    public async Task HungUpstream_Is504NamingTheProvider(bool stream)
    {
        _upstream.Enqueue(Hang);

        var response = await _host.Http.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("upstream_timeout", error["code"]!.GetValue<string>());
        Assert.Equal("upstream", error["provider"]!.GetValue<string>());
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task HungUpstream_OnARoute_FallsBackToTheNextModel(bool stream)
    {
        _upstream.Enqueue(Hang);

        var response = await _host.Http.PostAsync("/v1/chat/completions", new StringContent(
            $$"""{"model":"with-fallback","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backup", response.Headers.GetValues("x-arbiter-model").Single());
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.Equal(Arbiter.Core.Errors.ErrorKind.UpstreamTimeout, record.Attempts[0].Error!.Kind);
    }
}
