using System.Text;
using System.Text.Json;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>/v1/sessions over the simulator: create, a model turn that patches the state, a stale client patch, history and replay.</summary>
public sealed class SessionsEndpointTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(OrchestrationConfigs.Simulator);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        var response = await _host.Http.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Session_TurnThenStalePatch_TurnCommitsStalePatchIs409AndHistoryReplays()
    {
        var (created, session) = await SendAsync(HttpMethod.Post, "/v1/sessions", """{"state":{"facts":["launch is on Friday"],"constraints":["budget under 10k"]}}""");
        Assert.Equal(201, created);
        var id = session.GetProperty("id").GetString()!;
        Assert.Equal(1, session.GetProperty("version").GetInt64());

        var (turned, turn) = await SendAsync(HttpMethod.Post, $"/v1/sessions/{id}/turns", """{"message":"Plan the launch.","model":"cheap"}""");
        Assert.Equal(200, turned);
        Assert.Equal("committed", turn.GetProperty("patch_status").GetString());
        Assert.Equal(2, turn.GetProperty("version").GetInt64());
        Assert.True(turn.GetProperty("patch").GetArrayLength() > 0);
        Assert.False(string.IsNullOrEmpty(turn.GetProperty("reply").GetString()));

        var (stale, conflict) = await SendAsync(HttpMethod.Post, $"/v1/sessions/{id}/patches", """{"base_version":1,"patch":[{"op":"add","path":"/decisions/-","value":"go"}]}""");
        Assert.Equal(409, stale);
        Assert.Equal("conflict", conflict.GetProperty("patch_status").GetString());
        var (_, fresh) = await SendAsync(HttpMethod.Post, $"/v1/sessions/{id}/patches", """{"base_version":2,"patch":[{"op":"add","path":"/decisions/-","value":"go"}]}""");
        Assert.Equal(3, fresh.GetProperty("version").GetInt64());
        var (readOnly, _) = await SendAsync(HttpMethod.Post, $"/v1/sessions/{id}/patches", """{"base_version":3,"patch":[{"op":"remove","path":"/constraints/0"}]}""");
        Assert.Equal(422, readOnly);

        var (_, history) = await SendAsync(HttpMethod.Get, $"/v1/sessions/{id}/history?version=2");
        Assert.Equal(["created", "committed", "conflict", "committed", "rejected"],
            history.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal(turn.GetProperty("state").GetRawText(), history.GetProperty("state").GetRawText());
        var (_, now) = await SendAsync(HttpMethod.Get, $"/v1/sessions/{id}");
        Assert.Equal(3, now.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Session_Unknown_404InTheErrorShape()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/sessions/sess_nope");

        Assert.Equal(404, status);
        Assert.Contains("sess_nope", body.GetProperty("error").GetProperty("message").GetString());
    }
}
