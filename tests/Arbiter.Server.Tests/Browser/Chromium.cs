using OpenQA.Selenium.Chrome;

namespace Arbiter.Server.Tests.Browser;

/// <summary>
/// Headless Chromium and its driver from Debian's packages (chromium, chromium-driver; .ci/run installs them).
/// Paths are given explicitly, so Selenium never tries to download a browser or a driver.
/// </summary>
public static class Chromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static bool Available => File.Exists(Browser) && File.Exists(Driver);

    public static ChromeDriver Start(int width = 1440, int height = 2000)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--disable-extensions", $"--window-size={width},{height}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
