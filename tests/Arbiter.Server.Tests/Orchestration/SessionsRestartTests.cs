using System.Text;
using System.Text.Json;
using Arbiter.Core.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>The whole gateway on a SQLite file: a session made through the API is there, with its history, after a restart; its turn is in the request log's KPIs.</summary>
public sealed class SessionsRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arbiter-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<WebApplication> StartAsync()
    {
        var yaml = OrchestrationConfigs.Simulator + $"\nstorage: {{ type: sqlite, path: \"{Path.Combine(_folder, "arbiter.db")}\" }}\n";
        var app = ArbiterServer.Build(new ArbiterServerOptions { Config = ConfigLoader.Parse(yaml), Environment = _ => null },
            builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    private static async Task<(int Status, JsonElement Body)> SendAsync(WebApplication app, HttpMethod method, string path, string? body = null)
    {
        using var client = app.GetTestServer().CreateClient();
        using var request = new HttpRequestMessage(method, "http://localhost" + path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Session_GatewayRestarted_StateVersionAndHistorySurvive()
    {
        string id;
        JsonElement before;
        await using (var first = await StartAsync())
        {
            var (_, created) = await SendAsync(first, HttpMethod.Post, "/v1/sessions", """{"state":{"facts":["launch is on Friday"]}}""");
            id = created.GetProperty("id").GetString()!;
            var (turned, turn) = await SendAsync(first, HttpMethod.Post, $"/v1/sessions/{id}/turns", """{"message":"Plan the launch.","model":"cheap"}""");
            Assert.Equal(200, turned);
            Assert.Equal("committed", turn.GetProperty("patch_status").GetString());
            (_, before) = await SendAsync(first, HttpMethod.Get, $"/v1/sessions/{id}");
            await first.StopAsync();
        }

        await using var second = await StartAsync();
        var (status, after) = await SendAsync(second, HttpMethod.Get, $"/v1/sessions/{id}");
        var (_, history) = await SendAsync(second, HttpMethod.Get, $"/v1/sessions/{id}/history?version=1");

        Assert.Equal(200, status);
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("state").GetRawText(), after.GetProperty("state").GetRawText());
        Assert.Equal(["created", "committed"], history.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal("""{"facts":["launch is on Friday"],"constraints":[],"decisions":[]}""", history.GetProperty("state").GetRawText());
        // And it goes on from where it was: a patch on version 2 commits version 3.
        var (patched, next) = await SendAsync(second, HttpMethod.Post, $"/v1/sessions/{id}/patches", """{"base_version":2,"patch":[{"op":"add","path":"/decisions/-","value":"go"}]}""");
        Assert.Equal(200, patched);
        Assert.Equal(3, next.GetProperty("version").GetInt64());
        // The turn is in the SQL request log as a session-mode request, and so in the KPIs per mode.
        var (_, kpis) = await SendAsync(second, HttpMethod.Get, "/admin/kpis?window=1h");
        var session = kpis.GetProperty("groups").GetProperty("mode").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "session");
        Assert.Equal(1, session.GetProperty("figures").GetProperty("requests").GetInt64());
    }
}
