using Arbiter.Core.Config;

namespace Arbiter.Providers.Tests.Settings;

public sealed class ProviderSettingsTests
{
    [Fact]
    public void ToString_NeverPrintsTheKeyOrHeaderValues()
    {
        var env = new Dictionary<string, string> { ["KEY"] = "sk-live-SECRET-123456", ["ORG"] = "org-SECRET-9" };
        var settings = ProviderSettings.Resolve("openai",
            new ProviderConfig { Type = "openai", ApiKey = "env:KEY", Headers = new() { ["OpenAI-Organization"] = "env:ORG" } },
            "https://api.openai.com/v1", name => env.GetValueOrDefault(name));

        var text = settings.ToString();

        Assert.Equal("sk-live-SECRET-123456", settings.ApiKey);
        Assert.DoesNotContain("SECRET", text);
        Assert.Contains("[redacted]", text);
        Assert.Contains("https://api.openai.com/v1", text);
    }
}
