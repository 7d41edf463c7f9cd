using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Config;

namespace Arbiter.Server.Tests.Feedback;

public class FeedbackEndpointTests
{
    private static Task<GatewayHost> StartAsync() => GatewayHost.StartAsync(ConfigLoader.Parse(ObservabilityConfigs.Simulator("fb")));

    [Fact]
    public async Task Post_KnownRequest_RecordedAndCountedInQuality()
    {
        await using var host = await StartAsync();
        var (_, id) = await ChatCalls.SendAsync(host.Http, "fb-cheap");
        await host.RecordAsync(id);

        using var response = await ChatCalls.FeedbackAsync(host.Http, $$"""{"request_id":"{{id}}","score":0.25,"comment":"too short"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("request_id").GetString());
        Assert.True(body.GetProperty("recorded").GetBoolean());

        var kpis = await host.Http.GetFromJsonAsync<JsonElement>("/admin/kpis?window=1h");
        var totals = kpis.GetProperty("totals");
        Assert.Equal(0.25, totals.GetProperty("quality").GetDouble());
        Assert.Equal(1, totals.GetProperty("quality_samples").GetInt64());
    }

    [Fact]
    public async Task Post_UnknownRequestId_404InOpenAIShape()
    {
        await using var host = await StartAsync();
        using var response = await ChatCalls.FeedbackAsync(host.Http, """{"request_id":"req-nope","score":1}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await ChatCalls.ErrorOf(response);
        Assert.Equal("request_id", error.GetProperty("param").GetString());
        Assert.Equal("request_not_found", error.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"request_id":"x","score":1.5}""", "score")]
    [InlineData("""{"request_id":"x","score":-0.1}""", "score")]
    [InlineData("""{"request_id":"x","score":"good"}""", "score")]
    [InlineData("""{"request_id":"x"}""", "score")]
    [InlineData("""{"score":1}""", "request_id")]
    [InlineData("""{"request_id":"","score":1}""", "request_id")]
    [InlineData("""{"request_id":"x","score":1,"comment":42}""", "comment")]
    [InlineData("""not json""", null)]
    [InlineData("""[1,2]""", null)]
    public async Task Post_BadInput_400NamingTheField(string json, string? param)
    {
        await using var host = await StartAsync();
        using var response = await ChatCalls.FeedbackAsync(host.Http, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ChatCalls.ErrorOf(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        if (param is null) Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        else Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Get_Feedback_405WithAllow()
    {
        await using var host = await StartAsync();
        using var response = await host.Http.GetAsync("/v1/feedback");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Post_WithAuth_NeedsTheKeyThatMadeTheRequest()
    {
        await using var host = await GatewayHost.StartAsync(
            ConfigLoader.Parse(ObservabilityConfigs.Simulator("fbauth", ObservabilityConfigs.WithMasterKey)), ObservabilityConfigs.MasterEnv);
        var mine = await ChatCalls.CreateKeyAsync(host.Http, ObservabilityConfigs.MasterKey, "mine");
        var other = await ChatCalls.CreateKeyAsync(host.Http, ObservabilityConfigs.MasterKey, "other");
        var (_, id) = await ChatCalls.SendAsync(host.Http, "fbauth-cheap", key: mine);
        await host.RecordAsync(id);
        var json = $$"""{"request_id":"{{id}}","score":1}""";

        using (var anonymous = await ChatCalls.FeedbackAsync(host.Http, json))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var foreign = await ChatCalls.FeedbackAsync(host.Http, json, other))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using (var own = await ChatCalls.FeedbackAsync(host.Http, json, mine))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
