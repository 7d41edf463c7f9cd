using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Arbiter.Server.Tests.Feedback;

/// <summary>Feedback kept in the SQLite store: still there, and still in the KPIs, after the gateway restarts.</summary>
public sealed class DurableFeedbackTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "arbiter-tests", Guid.NewGuid().ToString("N"));

    private string Yaml => ObservabilityConfigs.Simulator("fbdb", $"storage: {{ type: sqlite, path: '{Path.Combine(_folder, "arbiter.db")}' }}");

    private async Task<WebApplication> StartAsync()
    {
        var app = ArbiterServer.Build(new ArbiterServerOptions { Config = ConfigLoader.Parse(Yaml), Environment = _ => null },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    private static async Task<JsonElement> TotalsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/admin/kpis?window=1h")).GetProperty("totals");

    [Fact]
    public async Task Post_SqliteStore_FeedbackSurvivesARestartAndFeedsQuality()
    {
        string id;
        await using (var first = await StartAsync())
        {
            var http = first.GetTestServer().CreateClient();
            (_, id) = await ChatCalls.SendAsync(http, "fbdb-cheap");
            // The record is written off the request path: wait until the KPIs see it.
            for (var i = 0; i < 300 && (await TotalsAsync(http)).GetProperty("requests").GetInt64() == 0; i++) await Task.Delay(10);
            using var posted = await ChatCalls.FeedbackAsync(http, $$"""{"request_id":"{{id}}","score":0.4}""");
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            await first.StopAsync();
        }

        await using var second = await StartAsync();
        var totals = await TotalsAsync(second.GetTestServer().CreateClient());
        Assert.Equal(1, totals.GetProperty("requests").GetInt64());
        Assert.Equal(1, totals.GetProperty("quality_samples").GetInt64());
        Assert.Equal(0.4, totals.GetProperty("quality").GetDouble());
        await second.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
