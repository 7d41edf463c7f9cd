using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Arbiter.Server.Tests.Browser;

/// <summary>What the browser tests do with the dashboard page: wait for its state, save a screenshot.</summary>
internal static class DashboardPage
{
    public static void WaitForState(ChromeDriver browser, string state)
    {
        var body = browser.FindElement(By.TagName("body"));
        for (var i = 0; i < 300; i++)
        {
            if (body.GetAttribute("data-state") == state) return;
            Thread.Sleep(50);
        }
        throw new TimeoutException($"the dashboard never reached state '{state}' (it is '{body.GetAttribute("data-state")}')");
    }

    /// <summary>Saves the whole page to TestResults/<paramref name="file"/> at the repository's root.</summary>
    public static void Screenshot(ChromeDriver browser, IJavaScriptExecutor js, string file)
    {
        var height = Convert.ToInt32(js.ExecuteScript("return document.documentElement.scrollHeight"));
        browser.Manage().Window.Size = new System.Drawing.Size(1440, Math.Min(height + 40, 4000));
        var dir = Path.Combine(RepoRoot(), "TestResults");
        Directory.CreateDirectory(dir);
        browser.GetScreenshot().SaveAsFile(Path.Combine(dir, file));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Arbiter.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
