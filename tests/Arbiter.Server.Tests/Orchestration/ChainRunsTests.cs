using System.Text;
using System.Text.Json;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>POST /v1/chains/NAME/runs over the simulator: JSON and streamed runs, escalation of a failing step, errors.</summary>
public sealed class ChainRunsTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(OrchestrationConfigs.Simulator);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string chain, string body) =>
        _host.Http.PostAsync($"/v1/chains/{chain}/runs", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Run_ShortDraftFromTheCheapModel_RetriedOnTheStrongModelAndEveryStepReported()
    {
        var response = await PostAsync("brief", """{"input": "Arbiter routes requests."}""");

        Assert.Equal(200, (int)response.StatusCode);
        using var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = run.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["facts", "draft", "title"], steps.Select(s => s.GetProperty("name").GetString()));
        var draft = steps[1];
        Assert.Equal("strong", draft.GetProperty("model").GetString());
        var attempts = draft.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(["cheap", "strong"], attempts.Select(a => a.GetProperty("model").GetString()));
        Assert.False(attempts[0].GetProperty("passed").GetBoolean());
        Assert.Equal(steps[2].GetProperty("output").GetString(), root.GetProperty("output").GetString());
        Assert.True(root.GetProperty("cost_usd").GetDecimal() > root.GetProperty("fan_out_cost_usd").GetDecimal());
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.Equal("chain", record.Mode);
        Assert.True(record.Escalated);
        Assert.True(record.FanOutCostUsd > 0);
        Assert.Equal(root.GetProperty("cost_usd").GetDecimal(), record.CostUsd);
    }

    [Fact]
    public async Task Run_Stream_LastStepStreamsAsChunksThenTheRunSummary()
    {
        var response = await PostAsync("brief", """{"input": "Arbiter routes requests.", "stream": true}""");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        using var summary = JsonDocument.Parse(events[^2]["data: ".Length..]);
        Assert.Equal("chain.run", summary.RootElement.GetProperty("object").GetString());
        var streamed = string.Concat(events[..^2].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : ""));
        Assert.StartsWith("[simulated cheap]", streamed);
        Assert.Equal(streamed, summary.RootElement.GetProperty("output").GetString());
        Assert.Equal(3, summary.RootElement.GetProperty("steps").GetArrayLength());
        var record = await _host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        Assert.True(record.Stream);
        Assert.Equal(200, record.Status);
        Assert.Equal(summary.RootElement.GetProperty("cost_usd").GetDecimal(), record.CostUsd);
    }

    [Theory]
    [InlineData("nope", """{"input":"x"}""", 404, "brief")]
    [InlineData("brief", """{"nothing":1}""", 400, "input")]
    [InlineData("brief", """not json""", 400, "not valid JSON")]
    public async Task Run_BadRequest_OpenAIErrorShape(string chain, string body, int status, string mentions)
    {
        var response = await PostAsync(chain, body);

        Assert.Equal(status, (int)response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(mentions, error.RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
