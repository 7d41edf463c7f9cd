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
