using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;

namespace Arbiter.Server.Tests.Dashboard;

public class KpiEndpointTests
{
    private static Task<GatewayHost> StartWithKeyAsync() => GatewayHost.StartAsync(
        ConfigLoader.Parse(ObservabilityConfigs.Simulator("kpi", ObservabilityConfigs.WithMasterKey)), ObservabilityConfigs.MasterEnv);

    private static HttpRequestMessage Get(string url, string? key) => new(HttpMethod.Get, url)
    {
        Headers = { Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key) },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Get_WithoutTheMasterKey_401(string? key)
    {
        await using var host = await StartWithKeyAsync();
        using var response = await host.Http.SendAsync(Get("/admin/kpis", key));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", (await ChatCalls.ErrorOf(response)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_AfterMixedTraffic_ReportsTheWorkload(bool stream)
    {
        await using var host = await StartWithKeyAsync();
        var key = await ChatCalls.CreateKeyAsync(host.Http, ObservabilityConfigs.MasterKey, "kpi-app");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await ChatCalls.SendAsync(host.Http, "kpi-auto", stream, key: key)).RequestId); // falls back every time
        ids.Add((await ChatCalls.SendAsync(host.Http, "kpi-strong", stream, key: key)).RequestId);
        var (failedStatus, failedId) = await ChatCalls.SendAsync(host.Http, "kpi-broken", stream, key: key);
        Assert.Equal(502, failedStatus);
        ids.Add(failedId);
        foreach (var id in ids) await host.RecordAsync(id);

        using var response = await host.Http.SendAsync(Get("/admin/kpis?window=1h&buckets=12&recent=10", ObservabilityConfigs.MasterKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync(KpiJsonContext.Default.KpiReport))!;
        Assert.Equal(5, report.Totals.Requests);
        Assert.Equal(4, report.Totals.Succeeded);
        Assert.Equal(0.6, report.Totals.FallbackRate); // the 3 through kpi-auto fell back; kpi-broken asked directly had nothing to fall back to
        Assert.Equal("kpi-strong", report.StrongestModel);
        Assert.Equal(12, report.Series.Count);
        Assert.Equal(5, report.Recent.Count);
        var byModel = report.Groups[KpiDimensions.Model].ToDictionary(g => g.Key);
        Assert.Equal(5, Assert.Single(report.Groups[KpiDimensions.Key]).Figures.Requests); // all made with the one virtual key
        Assert.Equal(3, byModel["kpi-cheap"].Figures.Requests);
        Assert.Equal(0.6, byModel["kpi-cheap"].RequestShare);
        Assert.True(report.Totals.CostUsd > 0);
        Assert.True(report.Totals.StrongestModelCostUsd > report.Totals.CostUsd);
        if (stream) Assert.NotNull(report.Totals.TtfbP95Ms);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Get_CascadeWhoseFirstStageFails_CountedAsFallbackNotEscalation(bool stream)
    {
        // The first stage's model always fails: the cascade moves on because of a failure (a fallback), not because a
        // gate turned an answer down (an escalation). Counting it as both read 100% / 100%.
        await using var host = await GatewayHost.StartYamlAsync("""
            providers: { sim: { type: simulated, seed: 3 } }
            tiers: { t1: {}, t2: {} }
            models:
              cas-broken: { provider: sim, tier: t1, price: { input: 0.1, output: 0.2 }, simulation: { ttft_ms: 0, tokens_per_second: 1000000, failure_rate: 1.0 } }
              cas-good: { provider: sim, tier: t2, price: { input: 1, output: 2 }, simulation: { ttft_ms: 0, tokens_per_second: 1000000, output_tokens: 20, jitter: 0 } }
            routes:
              cas-auto: { strategy: cascade, tiers: [t1, t2] }
            resilience:
              retry: { per_error: { rate_limited: 0, upstream_error: 0, upstream_unavailable: 0 } }
              circuit_breaker: { enabled: false }
            """);
        for (var i = 0; i < 4; i++)
        {
            var (status, id) = await ChatCalls.SendAsync(host.Http, "cas-auto", stream);
            Assert.Equal(200, status);
            var record = await host.RecordAsync(id);
            Assert.Equal(["cas-broken", "cas-good"], record.Attempts.Select(a => a.Model));
            Assert.Equal(0, record.Escalations ?? 0);
        }

        var report = (await host.Http.GetFromJsonAsync("/admin/kpis?window=1h", KpiJsonContext.Default.KpiReport))!;
        Assert.Equal(4, report.Totals.Requests);
        Assert.Equal(1.0, report.Totals.FallbackRate);
        Assert.Equal(0.0, report.Totals.EscalationRate);
    }

    [Theory]
    [InlineData("window=abc", "window")]
    [InlineData("window=-5m", "window")]
    [InlineData("buckets=0", "buckets")]
    [InlineData("recent=5000", "recent")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to")]
    public async Task Get_BadQuery_400NamingTheParameter(string query, string param)
    {
        await using var host = await StartWithKeyAsync();
        using var response = await host.Http.SendAsync(Get("/admin/kpis?" + query, ObservabilityConfigs.MasterKey));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, (await ChatCalls.ErrorOf(response)).GetProperty("param").GetString());
    }

    [Fact]
    public async Task Get_NoAdminKeyConfigured_Open()
    {
        await using var host = await GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("open")));
        var report = await host.Http.GetFromJsonAsync<JsonElement>("/admin/kpis");
        Assert.Equal(0, report.GetProperty("totals").GetProperty("requests").GetInt64());
    }
}
