using System.Net;
using Arbiter.Core.Config;

namespace Arbiter.Server.Tests.Telemetry;

public class PrometheusEndpointTests
{
    [Fact]
    public async Task Metrics_AfterTraffic_ValidPrometheusTextWithTheGenAiHistograms()
    {
        await using var host = await GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("prom")));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await ChatCalls.SendAsync(host.Http, "prom-auto", stream: i == 0)).RequestId);
        ids.Add((await ChatCalls.SendAsync(host.Http, "prom-broken")).RequestId);
        foreach (var id in ids) await host.RecordAsync(id);

        using var response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var prom = PrometheusText.Parse(text);

        Assert.Equal("histogram", prom.Types["gen_ai_client_token_usage"]);
        Assert.Equal("histogram", prom.Types["gen_ai_client_operation_duration_seconds"]);
        var model = ("gen_ai_request_model", "prom-cheap");
        Assert.Equal(3, prom.Named("gen_ai_client_token_usage_count", model, ("gen_ai_token_type", "input")).Single().Value);
        var buckets = prom.Named("gen_ai_client_token_usage_bucket", model, ("gen_ai_token_type", "output")).ToList();
        Assert.Contains(buckets, b => b.Labels["le"] == "67108864");
        Assert.Equal(3, buckets.Single(b => b.Labels["le"] == "+Inf").Value);
        Assert.Equal(3, prom.Named("gen_ai_client_operation_duration_seconds_count", ("gen_ai_request_model", "prom-cheap")).Sum(s => s.Value));
        Assert.Equal(1, prom.Named("gen_ai_client_operation_time_to_first_chunk_seconds_count", model).Single().Value);
        Assert.Equal(4, prom.Named("gen_ai_client_operation_duration_seconds_count", ("gen_ai_request_model", "prom-broken")).Sum(s => s.Value));
        Assert.Equal(3, prom.Named("arbiter_fallbacks_total", ("arbiter_model", "prom-broken")).Sum(s => s.Value));
        Assert.Equal(1, prom.Named("arbiter_requests_total", ("arbiter_route", "prom-broken"), ("arbiter_outcome", "error")).Single().Value);
        Assert.True(prom.Named("arbiter_cost_usd_total", ("arbiter_model", "prom-cheap")).Single().Value > 0);
    }

    [Fact]
    public async Task Metrics_PrometheusOff_404()
    {
        await using var host = await GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("noprom", "observability: { prometheus: false }")));
        using var response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<GatewayHost> StartKeyedAsync(bool requireKey) => GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("promkey",
        $"{ObservabilityConfigs.WithMasterKey}\nobservability: {{ metrics: {{ require_key: {(requireKey ? "true" : "false")} }} }}")), ObservabilityConfigs.MasterEnv);

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Metrics_RequireKeyWithoutTheMasterKey_401(string? key)
    {
        await using var host = await StartKeyedAsync(requireKey: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (key is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", (await ChatCalls.ErrorOf(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Metrics_RequireKeyWithTheMasterKey_Served()
    {
        await using var host = await StartKeyedAsync(requireKey: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ObservabilityConfigs.MasterKey);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Metrics_DefaultEvenWithAuthOn_OpenToScrapers()
    {
        await using var host = await StartKeyedAsync(requireKey: false);
        using var response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
