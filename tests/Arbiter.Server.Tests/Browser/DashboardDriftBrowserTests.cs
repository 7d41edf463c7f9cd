using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Arbiter.Server.Tests.Browser;

/// <summary>
/// The drift badge in a real browser: a synthetic series in the request log (an hour of sim-general answers the
/// application scored 0.9 through POST /v1/feedback, then ten minutes it scored 0.2), a drift evaluation, and the
/// dashboard's badge for it, checked in the DOM. The screenshot is saved to TestResults/dashboard-drift.png.
/// </summary>
public class DashboardDriftBrowserTests
{
    private static readonly DriftConfig Drift = new() { IntervalSeconds = 0, WindowMinutes = 10, BaselineMinutes = 60, MinRequests = 5, QualityDrop = 0.2 };

    private static ArbiterConfig Config()
    {
        // No keys (feedback then needs none; the dashboard opens without asking). Interval 0: no background
        // evaluation; the test runs the one it checks.
        var config = DefaultConfiguration.Build(_ => null);
        return config with { Observability = config.Observability with { Drift = Drift } };
    }

    /// <summary>
    /// One sim-general request a minute for the last 70 minutes (at half minutes, clear of the windows' edges); those of
    /// the last ten minutes the application scores 0.2, the hour before 0.9.
    /// </summary>
    private static async Task SeriesAsync(LoopbackGateway gateway, DateTimeOffset now)
    {
        var records = new List<RequestRecord>();
        for (var m = 69; m >= 0; m--)
            records.Add(new RequestRecord
            {
                RequestId = $"drift-{m}",
                StartedAt = now.AddMinutes(-m - 0.5),
                RequestedModel = "sim-general",
                Route = "sim-general",
                ServedModel = "sim-general",
                Provider = "simulator",
                Status = 200,
                LatencyMs = 400,
                Usage = new Arbiter.Core.Chat.TokenUsage { InputTokens = 200, OutputTokens = 160 },
                CostUsd = 0.0021m, // sim-general's price of those tokens
                TaskType = "summarize",
                Decision = "direct: sim-general",
            });
        await gateway.Store.WriteBatchAsync(records, CancellationToken.None);
        foreach (var r in records)
        {
            var score = r.StartedAt > now.AddMinutes(-Drift.WindowMinutes) ? "0.2" : "0.9";
            using var response = await ChatCalls.FeedbackAsync(gateway.Http, $$"""{"request_id":"{{r.RequestId}}","score":{{score}}}""");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    [ChromiumFact]
    public async Task Dashboard_QualityDrift_ShowsTheAlertBadge()
    {
        await using var gateway = await LoopbackGateway.StartAsync(Config(), new Dictionary<string, string>());
        var kpis = gateway.Services.GetRequiredService<KpiService>();
        await SeriesAsync(gateway, kpis.Time.GetUtcNow());
        var changes = await kpis.EvaluateDriftAsync(Drift, CancellationToken.None);
        Assert.Contains(changes.Raised, a => a.Id == "model:sim-general:quality");

        using var browser = Chromium.Start();
        var js = (IJavaScriptExecutor)browser;
        browser.Navigate().GoToUrl(new Uri(gateway.BaseAddress, "/dashboard/#window=2h"));
        DashboardPage.WaitForState(browser, "ready");
        DashboardPage.Screenshot(browser, js, "dashboard-drift.png");

        var body = browser.FindElement(By.TagName("body"));
        Assert.Equal(changes.Raised.Count.ToString(), body.GetAttribute("data-alerts"));
        var badge = browser.FindElement(By.CssSelector("#alerts .badge.alert[data-alert=\"model:sim-general:quality\"]"));
        Assert.True(badge.Displayed);
        Assert.Contains("quality drift", badge.Text, StringComparison.Ordinal);
        Assert.Contains("model sim-general: 0.90 → 0.20", badge.Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("#alerts .badge.alert[data-alert=\"task:summarize:quality\"]")));
        Assert.Empty(browser.FindElements(By.CssSelector("#alerts .badge.ok")));
        // Drawn in the alert style (dark red), not the "no drift" one.
        Assert.Equal("rgb(42, 20, 32)", (string)js.ExecuteScript("return getComputedStyle(arguments[0]).backgroundColor", badge)!);
    }

    [ChromiumFact]
    public async Task Dashboard_NoDrift_ShowsTheAllClearBadge()
    {
        await using var gateway = await LoopbackGateway.StartAsync(Config(), new Dictionary<string, string>());
        using var browser = Chromium.Start();
        browser.Navigate().GoToUrl(new Uri(gateway.BaseAddress, "/dashboard/#window=1h"));
        DashboardPage.WaitForState(browser, "ready");
        Assert.Equal("0", browser.FindElement(By.TagName("body")).GetAttribute("data-alerts"));
        Assert.Empty(browser.FindElements(By.CssSelector("#alerts .badge.alert")));
        Assert.Single(browser.FindElements(By.CssSelector("#alerts .badge.ok")));
    }
}
