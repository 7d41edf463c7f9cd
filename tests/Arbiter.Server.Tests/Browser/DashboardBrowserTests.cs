using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Arbiter.Core.Config;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Arbiter.Server.Tests.Browser;

/// <summary>
/// The dashboard in a real browser: a gateway on Kestrel serves a mixed workload on the default simulated models
/// (made fast), then headless Chromium opens /dashboard, is asked for the admin key, and draws the charts. Each
/// chart writes the labels and values it drew into data- attributes, which are checked against /admin/kpis.
/// The screenshot is saved to TestResults/dashboard.png.
/// </summary>
public class DashboardBrowserTests
{
    private const string Key = "dash-admin-key-0123456789";

    /// <summary>The built-in sim-fast, sim-general and sim-deep with their prices and tiers, answering in milliseconds; sim-fast fails half the time.</summary>
    private static ArbiterConfig Config()
    {
        var config = DefaultConfiguration.Build(_ => null);
        var models = config.Models.ToDictionary(m => m.Key, m => m.Value with
        {
            Simulation = (m.Value.Simulation ?? new SimulationConfig()) with
            {
                TtftMs = m.Key == "sim-deep" ? 30 : 5,
                TokensPerSecond = 20_000,
                FailureRate = m.Key == "sim-fast" ? 0.5 : 0,
            },
        }, StringComparer.Ordinal);
        return config with { Models = models, Auth = config.Auth with { MasterKey = "env:DASH_KEY" } };
    }

    private static async Task<List<string>> WorkloadAsync(LoopbackGateway gateway)
    {
        var key = await ChatCalls.CreateKeyAsync(gateway.Http, Key, "dashboard-test");
        var ids = new List<string>();
        async Task Send(string model, bool stream)
        {
            var (_, id) = await ChatCalls.SendAsync(gateway.Http, model, stream, $"question {ids.Count}", key);
            ids.Add(id);
        }
        for (var i = 0; i < 12; i++) await Send("auto", stream: i % 2 == 0);
        for (var i = 0; i < 6; i++) await Send("sim-general", stream: i % 3 == 0);
        for (var i = 0; i < 4; i++) await Send("sim-deep", stream: i == 0);
        for (var i = 0; i < 3; i++) await Send("no-such-model", stream: false);
        await gateway.WaitForRecordsAsync(ids.Count);
        for (var i = 0; i < ids.Count; i += 3)
            (await ChatCalls.FeedbackAsync(gateway.Http, $$"""{"request_id":"{{ids[i]}}","score":{{(i % 2 == 0 ? "0.9" : "0.6")}}}""", key)).Dispose();
        return ids;
    }

    [ChromiumFact]
    public async Task Dashboard_AfterMixedWorkload_ChartsShowTheKpis()
    {
        await using var gateway = await LoopbackGateway.StartAsync(Config(), new Dictionary<string, string> { ["DASH_KEY"] = Key });
        var ids = await WorkloadAsync(gateway);
        using var kpiRequest = new HttpRequestMessage(HttpMethod.Get, "/admin/kpis?window=1h&buckets=30&recent=25");
        kpiRequest.Headers.Authorization = new("Bearer", Key);
        using var kpiResponse = await gateway.Http.SendAsync(kpiRequest);
        var kpis = await kpiResponse.Content.ReadFromJsonAsync<JsonElement>();

        using var browser = Chromium.Start();
        var js = (IJavaScriptExecutor)browser;
        browser.Navigate().GoToUrl(new Uri(gateway.BaseAddress, "/dashboard/#window=1h"));

        // No key yet: the page asks for one, and takes it from the dialog.
        DashboardPage.WaitForState(browser, "needs-key");
        Assert.True(browser.FindElement(By.Id("keydialog")).Displayed);
        browser.FindElement(By.Id("keyinput")).SendKeys(Key);
        browser.FindElement(By.CssSelector("#keyform button")).Click();
        DashboardPage.WaitForState(browser, "ready");
        DashboardPage.Screenshot(browser, js, "dashboard.png");

        Assert.Equal(ids.Count.ToString(), browser.FindElement(By.TagName("body")).GetAttribute("data-requests"));
        Assert.Equal(ids.Count.ToString(), browser.FindElement(By.Id("t-requests")).Text);

        foreach (var name in new[] { "cost", "latency", "models", "tiers", "rates", "quality" })
        {
            Assert.Equal("true", Chart(browser, name).GetAttribute("data-rendered"));
            var painted = Convert.ToInt64(js.ExecuteScript($$"""
                const c = document.querySelector('[data-chart="{{name}}"] canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
                return n;
                """));
            Assert.True(painted > 2000, $"chart {name} painted only {painted} pixels");
        }

        // Utilisation by model: the models that served, with the API's request shares.
        var modelGroups = kpis.GetProperty("groups").GetProperty("model").EnumerateArray().Where(g => g.GetProperty("key").GetString() != "(none)").ToList();
        Assert.Equal(modelGroups.Select(g => g.GetProperty("key").GetString()), Labels(browser, "models"));
        Assert.Contains("sim-general", Labels(browser, "models"));
        Assert.Contains("sim-deep", Labels(browser, "models"));
        Assert.Equal(modelGroups.Select(g => Math.Round(g.GetProperty("request_share").GetDouble() * 100, 1)), Series(browser, "models", "Requests"));

        // Utilisation by tier: request counts per tier.
        var tierGroups = kpis.GetProperty("groups").GetProperty("tier").EnumerateArray().ToList();
        Assert.Equal(tierGroups.Select(g => g.GetProperty("key").GetString()), Labels(browser, "tiers"));
        Assert.Equal(tierGroups.Select(g => (double)g.GetProperty("figures").GetProperty("requests").GetInt64()), Series(browser, "tiers", "Requests"));
        Assert.Equal(25, (int)Series(browser, "tiers", "Requests").Sum());

        // Cost over time: the cumulative lines end at the window's spend and at the strongest model's price of it.
        var totals = kpis.GetProperty("totals");
        Assert.Equal(totals.GetProperty("cost_usd").GetDouble(), Series(browser, "cost", "Actual spend").Last(), 9);
        Assert.Equal(totals.GetProperty("strongest_model_cost_usd").GetDouble(), Series(browser, "cost", "All on sim-deep").Last(), 9);
        Assert.True(Series(browser, "cost", "All on sim-deep").Last() > Series(browser, "cost", "Actual spend").Last());

        // Fallbacks happened (sim-fast fails half the time) and are drawn.
        Assert.True(totals.GetProperty("fallback_rate").GetDouble() > 0);
        Assert.Contains(Series(browser, "rates", "Fallback"), v => v > 0);
        Assert.Contains(Series(browser, "quality", "Quality"), v => v > 0);

        // The recent requests, newest first, each with its decision.
        var rows = browser.FindElements(By.CssSelector("#recent tbody tr"));
        Assert.Equal(25, rows.Count);
        Assert.Equal(ids[^1], rows[0].GetAttribute("data-request-id"));
        Assert.Contains(rows, r => r.Text.Contains("auto", StringComparison.Ordinal) && r.Text.Contains("sim-fast ✕ UpstreamError", StringComparison.Ordinal));

    }

    private static IWebElement Chart(ChromeDriver browser, string name) => browser.FindElement(By.CssSelector($"[data-chart=\"{name}\"]"));

    private static List<string?> Labels(ChromeDriver browser, string chart) =>
        JsonSerializer.Deserialize<List<string?>>(Chart(browser, chart).GetAttribute("data-labels")!)!;

    private static List<double> Series(ChromeDriver browser, string chart, string dataset)
    {
        var all = JsonSerializer.Deserialize<Dictionary<string, List<double?>>>(Chart(browser, chart).GetAttribute("data-series")!)!;
        return all[dataset].Select(v => v ?? 0).ToList();
    }
}
