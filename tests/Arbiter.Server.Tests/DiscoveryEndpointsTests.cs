using System.Net;
using System.Text.Json.Nodes;

namespace Arbiter.Server.Tests;

public sealed class DiscoveryEndpointsTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartDefaultAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Models_ListsDefaultSimulatedModelsAndTheAutoRoute()
    {
        var models = JsonNode.Parse(await _host.Http.GetStringAsync("/v1/models"))!;

        var ids = models["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToList();
        Assert.Equal("list", models["object"]!.GetValue<string>());
        Assert.Contains("auto", ids);
        Assert.True(ids.Count(id => id.StartsWith("sim-")) >= 3);
        var tiers = models["data"]!.AsArray().Where(m => m!["tier"] is not null).Select(m => m!["tier"]!.GetValue<string>()).Distinct().ToList();
        Assert.Contains("fast", tiers);
        Assert.Contains("general", tiers);
        Assert.Contains("deep", tiers);
    }

    [Theory, InlineData("/healthz", "ok"), InlineData("/readyz", "ready")]
    public async Task HealthProbes_Answer200(string path, string status)
    {
        var response = await _host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }
}
