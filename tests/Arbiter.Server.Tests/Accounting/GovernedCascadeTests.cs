using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Arbiter.Server.Tests.Accounting;

/// <summary>The cost governor in a cascade: a stage past the key's per-request cap or extra-call rate is not called, and the best answer so far is returned.</summary>
public sealed class GovernedCascadeTests
{
    private const string Config = """
        providers:
          upstream: { type: openai, base_url: "http://upstream.test/v1", api_key: "env:UPSTREAM_KEY" }
        tiers: { fast: {}, general: {} }
        models:
          gpt-4o-mini: { provider: upstream, tier: fast }
          other: { provider: upstream, model: gpt-4o, tier: general }
        routes:
          casc: { strategy: cascade, tiers: [fast, general], gates: [json] }
        auth: { master_key: env:ARBITER_MASTER_KEY }
        storage: { type: memory }
        """;

    // The upstream answers plain text, so the json gate rejects every stage and the cascade wants to escalate.
    private static async Task<HttpResponseMessage> AskJsonAsync(AccountingHost host, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = JsonContent.Create(new Dictionary<string, object?>
        {
            ["model"] = "casc",
            ["messages"] = new[] { new { role = "user", content = "Give me a JSON object." } },
            ["max_tokens"] = 100,
            ["response_format"] = new { type = "json_object" },
        });
        return await host.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("""{"name": "capped", "max_request_cost_usd": 0.0005}""", "cost cap")]
    [InlineData("""{"name": "no-fanout", "max_extra_calls_per_minute": 0}""", "extra (fan-out) calls per minute")]
    public async Task Cascade_GovernorRefusesTheNextStage_ReturnsTheFirstStagesAnswer(string keyBody, string reason)
    {
        var upstream = new HoldingUpstream(hold: false);
        await using var host = await AccountingHost.StartAsync(upstream, Config);
        var (_, key) = await host.CreateKeyAsync(System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(keyBody));

        using var response = await AskJsonAsync(host, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, upstream.Arrived);
        var decision = response.Headers.GetValues("x-arbiter-decision").Single();
        Assert.Contains("other not tried", decision);
        Assert.Contains(reason, decision);
    }

    [Fact]
    public async Task Cascade_KeyWithoutCaps_EscalatesToEveryStage()
    {
        var upstream = new HoldingUpstream(hold: false);
        await using var host = await AccountingHost.StartAsync(upstream, Config);
        var (_, key) = await host.CreateKeyAsync(new { name = "free" });

        using var response = await AskJsonAsync(host, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Arrived);
    }
}
