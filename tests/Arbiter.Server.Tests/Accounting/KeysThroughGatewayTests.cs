using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.RequestLog;
using Arbiter.Storage;

namespace Arbiter.Server.Tests.Accounting;

public sealed class KeysThroughGatewayTests
{
    private static async Task<JsonElement> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");

    [Fact]
    public async Task NoMasterKey_RequestsServedWithoutKey_AdminApiIs403()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), AccountingHost.Config(master: false));

        using var served = await host.ChatAsync(key: null);
        using var admin = await host.Http.GetAsync("admin/keys");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        var error = await ErrorOf(admin);
        Assert.Equal("admin_disabled", error.GetProperty("code").GetString());
        Assert.Contains("auth.master_key", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk-arb-not-a-real-key")]
    [InlineData(AccountingHost.Master)]
    public async Task MasterKeyOn_MissingOrWrongKey_Is401InOpenAIShape(string? key)
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));

        using var response = await host.ChatAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("authentication_error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AdminApi_WrongMasterKey_Is401()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/keys");
        request.Headers.Authorization = new("Bearer", "wrong");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication_error", (await ErrorOf(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task CreatedKey_Authenticates_AndTheRecordCarriesItsIdAndTeam()
    {
        var store = new InMemoryRequestStore();
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false), storage: ArbiterStorage.InMemory(store));
        var (id, key) = await host.CreateKeyAsync(new { name = "ci", team = "red" });

        using var response = await host.ChatAsync(key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("sk-arb-", key);
        var requestId = response.Headers.GetValues("x-request-id").Single();
        var record = await WaitForAsync(store, requestId);
        Assert.Equal((id, "red"), (record.KeyId, record.Team));
    }

    [Fact]
    public async Task Rotate_OldKeyRefused_NewKeyServed_SameId()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (id, old) = await host.CreateKeyAsync(new { name = "app" });

        var rotated = await host.AdminAsync(HttpMethod.Post, $"admin/keys/{id}/rotate");
        var fresh = rotated.GetProperty("key").GetString()!;

        Assert.Equal(id, rotated.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ChatAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ChatAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task Revoke_KeyRefused_ListShowsItInactiveWithoutSecret()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (id, key) = await host.CreateKeyAsync(new { name = "gone" });

        await host.AdminAsync(HttpMethod.Delete, $"admin/keys/{id}");
        var list = await host.AdminAsync(HttpMethod.Get, "admin/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ChatAsync(key)).StatusCode);
        var listed = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, list.GetRawText());
    }

    [Fact]
    public async Task AllowedModels_OtherModel_Is403_AllowedOneServed()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (_, key) = await host.CreateKeyAsync(new { name = "narrow", allowed_models = new[] { "gpt-4o-mini" } });

        using var refused = await host.ChatAsync(key, model: "other");
        using var served = await host.ChatAsync(key, model: "gpt-4o-mini");
        using var route = await host.ChatAsync(key, model: "auto");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = await ErrorOf(refused);
        Assert.Equal("permission_error", error.GetProperty("type").GetString());
        Assert.Equal("model_not_allowed", error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        // The route keeps only its allowed candidate.
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Equal("gpt-4o-mini", route.Headers.GetValues("x-arbiter-model").Single());
    }

    [Fact]
    public async Task AllowedRoutes_OtherRoute_Is403()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (_, key) = await host.CreateKeyAsync(new { name = "routes", allowed_routes = Array.Empty<string>() });

        using var response = await host.ChatAsync(key, model: "auto");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("route 'auto'", (await ErrorOf(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rpm_OverTheLimit_Is429WithRetryAfter()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (_, key) = await host.CreateKeyAsync(new { name = "slow", rpm = 2 });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await host.ChatAsync(key);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate_limit_exceeded", (await ErrorOf(last!)).GetProperty("code").GetString());
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        last.Dispose();
    }

    [Theory]
    [InlineData("""{"name": 5}""", "name")]
    [InlineData("""{"name": "x", "daily_budget_usd": "lots"}""", "daily_budget_usd")]
    [InlineData("""{"name": "x", "rpm": -1}""", "rpm")]
    [InlineData("""{"name": "x", "colour": "red"}""", "colour")]
    [InlineData("""{}""", "name")]
    [InlineData("""[1]""", null)]
    [InlineData("""{"name": """, null)]
    public async Task AdminCreate_BadBody_Is400NamingTheField(string body, string? param)
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/keys") { Content = new StringContent(body) };
        request.Headers.Authorization = new("Bearer", AccountingHost.Master);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        if (param is not null) Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task AdminGet_UnknownKey_Is404()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));

        var error = await host.AdminAsync(HttpMethod.Get, "admin/keys/key_nope", expected: HttpStatusCode.NotFound);

        Assert.Contains("key_nope", error.GetProperty("error").GetProperty("message").GetString());
    }

    private static async Task<RequestRecord> WaitForAsync(InMemoryRequestStore store, string requestId)
    {
        for (var i = 0; i < 400; i++)
        {
            if (store.Find(requestId) is { } r) return r;
            await Task.Delay(10);
        }
        throw new TimeoutException(requestId);
    }
}
