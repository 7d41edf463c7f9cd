using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;
using Arbiter.Core.Tokens;

namespace Arbiter.Server.Tests.Accounting;

public sealed class BudgetsThroughGatewayTests
{
    private const string Prompt = "Say hello to the budget test.";

    /// <summary>What the gateway reserves for one <see cref="AccountingHost.ChatAsync"/> on gpt-4o-mini with max_tokens 100.</summary>
    private static decimal Estimate()
    {
        var tokens = TiktokenEstimator.Shared.EstimatePromptTokens(
            new ChatRequest { Model = "gpt-4o-mini", Messages = [ChatMessage.User(Prompt)] }, "gpt-4o-mini", ProviderTypes.OpenAI);
        Assert.True(PriceCatalog.Bundled.TryFind("gpt-4o-mini", out var entry));
        return CostCalculator.Estimate(tokens, 100, entry.Price)!.Value;
    }

    [Fact]
    public async Task DailyBudget_100ConcurrentRequestsForABudgetOf10_Serves10AndRefuses90With429()
    {
        var upstream = new HoldingUpstream();
        await using var host = await AccountingHost.StartAsync(upstream);
        var estimate = Estimate();
        var (id, key) = await host.CreateKeyAsync(new { name = "racer", daily_budget_usd = estimate * 10.5m });

        var calls = Enumerable.Range(0, 100).Select(_ => host.ChatAsync(key, text: Prompt)).ToArray();
        // Every admitted request is now held upstream, every refused one has its answer: nothing settles before all are decided.
        var refused = 0;
        while (upstream.Arrived + refused < 100)
        {
            refused = calls.Count(c => c.IsCompleted);
            await Task.Delay(5);
        }
        upstream.Release();
        var responses = await Task.WhenAll(calls);

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var rejected = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(90, rejected.Count);
        Assert.All(rejected, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        var error = (await rejected[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("budget_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("daily budget", error.GetProperty("message").GetString());
        Assert.Contains("racer", error.GetProperty("message").GetString());
        Assert.Equal(10, upstream.Arrived);

        // Settled: the reservation released, the actual cost (10 in, 5 out at 0.15/0.60 per million) spent.
        var spend = (await host.AdminAsync(HttpMethod.Get, $"admin/keys/{id}")).GetProperty("spend");
        Assert.Equal(10 * (10 * 0.15m + 5 * 0.60m) / 1_000_000m, spend.GetProperty("today_usd").GetDecimal());
        Assert.Equal(0m, spend.GetProperty("reserved_usd").GetDecimal());
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task TeamBudget_SharedByTwoKeys_RefusesTheKeyThatWouldCrossIt()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false, promptTokens: 1000, completionTokens: 1000));
        var estimate = Estimate();
        await host.AdminAsync(HttpMethod.Put, "admin/teams/red", new { daily_budget_usd = estimate * 1.5m }, HttpStatusCode.Created);
        var (_, a) = await host.CreateKeyAsync(new { name = "a", team = "red" });
        var (_, b) = await host.CreateKeyAsync(new { name = "b", team = "red" });

        using var first = await host.ChatAsync(a, text: Prompt);
        using var second = await host.ChatAsync(b, text: Prompt);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("team 'red'", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task BudgetedKey_UnpricedModel_Is400NamingTheModel()
    {
        await using var host = await AccountingHost.StartAsync(new HoldingUpstream(hold: false));
        var (_, key) = await host.CreateKeyAsync(new { name = "b", monthly_budget_usd = 5 });

        using var response = await host.ChatAsync(key, model: "unpriced");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal("unpriced_model", error.GetProperty("code").GetString());
        Assert.Contains("'unpriced'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MaxRequestCost_EstimateOverTheCap_Is429BeforeAnyCall()
    {
        var upstream = new HoldingUpstream(hold: false);
        await using var host = await AccountingHost.StartAsync(upstream);
        var (_, key) = await host.CreateKeyAsync(new { name = "capped", max_request_cost_usd = 0.001 });

        using var response = await host.ChatAsync(key, maxTokens: 100_000);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("request_cost_cap", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(0, upstream.Arrived);
    }
}
