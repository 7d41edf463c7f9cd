namespace Arbiter.Server.Tests.Browser;

/// <summary>A test that needs headless Chromium: skipped (and says why) where it is not installed; CI installs it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Available) Skip = $"needs {Chromium.Browser} and {Chromium.Driver} (apt-get install chromium chromium-driver)";
    }
}
