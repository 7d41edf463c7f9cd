using Arbiter.Core.Config;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>What <see cref="ProviderConfigRules"/> demands of a provider entry before the gateway starts.</summary>
public sealed class ProviderConfigRulesTests
{
    private static List<string> Check(ProviderConfig config, string name = "p", string? keyValue = "sk-set") =>
        ProviderConfigRules.Check(name, config, v => v == "KEY" ? keyValue : null).ToList();

    [Theory]
    [InlineData("azure")]
    [InlineData("openai-compatible")]
    public void Check_NoBaseUrlWhereTheProfileHasNoDefault_NamesBaseUrl(string type)
    {
        var errors = Check(new ProviderConfig { Type = type, ApiKey = "env:KEY" }, name: "upstream1");

        var error = Assert.Single(errors);
        Assert.StartsWith("providers.upstream1.base_url:", error);
        Assert.Contains(type, error);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("deepseek")]
    [InlineData("groq")]
    [InlineData("mistral")]
    [InlineData("openrouter")]
    [InlineData("ollama")]
    [InlineData("vllm")]
    [InlineData("llamacpp")]
    public void Check_NoBaseUrlWhereTheProfileHasADefault_IsAccepted(string type) =>
        Assert.Empty(Check(new ProviderConfig { Type = type, ApiKey = "env:KEY" }));

    [Theory]
    [InlineData("openai")]
    [InlineData("deepseek")]
    [InlineData("groq")]
    [InlineData("mistral")]
    [InlineData("openrouter")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public void Check_HostedWithoutApiKey_NamesApiKey(string type)
    {
        var error = Assert.Single(Check(new ProviderConfig { Type = type }, name: "vendor"));

        Assert.StartsWith("providers.vendor.api_key:", error);
        Assert.Contains("required", error);
    }

    [Fact]
    public void Check_AzureWithoutApiKeyOrBaseUrl_NamesBoth()
    {
        var errors = Check(new ProviderConfig { Type = "azure" }, name: "az");

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("providers.az.base_url:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("providers.az.api_key:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ollama", null)]
    [InlineData("vllm", null)]
    [InlineData("llamacpp", null)]
    [InlineData("openai-compatible", "http://10.0.0.5:8000/v1")]
    public void Check_SelfHostedWithoutApiKey_IsAccepted(string type, string? baseUrl) =>
        Assert.Empty(Check(new ProviderConfig { Type = type, BaseUrl = baseUrl }));

    [Theory]
    [InlineData("openai", null)]
    [InlineData("ollama", null)]
    [InlineData("anthropic", null)]
    [InlineData("openai", "")]
    public void Check_ApiKeyVariableUnsetOrEmpty_NamesTheVariable(string type, string? value)
    {
        var error = Assert.Single(Check(new ProviderConfig { Type = type, ApiKey = "env:KEY" }, name: "k", keyValue: value));

        Assert.StartsWith("providers.k.api_key:", error);
        Assert.Contains("KEY", error);
        Assert.Contains("not set", error);
    }

    [Theory]
    [InlineData("http://localhost:1234", null)]
    [InlineData(null, "env:KEY")]
    public void Check_SimulatedWithBaseUrlOrKey_IsAnError(string? baseUrl, string? apiKey)
    {
        var error = Assert.Single(Check(new ProviderConfig { Type = "simulated", BaseUrl = baseUrl, ApiKey = apiKey, Seed = 7 }, name: "sim"));

        Assert.StartsWith("providers.sim", error);
        Assert.Contains("base_url", error);
    }

    [Fact]
    public void Check_SimulatedWithSeedOnly_IsAccepted() =>
        Assert.Empty(Check(new ProviderConfig { Type = "simulated", Seed = 42 }));

    [Fact]
    public void Check_SeedOnARealProvider_IsAnError()
    {
        var error = Assert.Single(Check(new ProviderConfig { Type = "openai", ApiKey = "env:KEY", Seed = 1 }, name: "o"));

        Assert.StartsWith("providers.o.seed:", error);
    }

    [Fact]
    public void Check_UnknownType_ListsEveryKnownType()
    {
        var error = Assert.Single(Check(new ProviderConfig { Type = "opneai", ApiKey = "env:KEY" }, name: "typo"));

        Assert.StartsWith("providers.typo.type:", error);
        Assert.Contains("'opneai'", error);
        string[] expected = ["openai", "azure", "deepseek", "groq", "mistral", "openrouter", "ollama", "vllm", "llamacpp",
            "openai-compatible", "anthropic", "gemini", "simulated"];
        foreach (var type in expected) Assert.Contains(type, error);
        Assert.Equal(expected.Order(), ProviderFactory.KnownTypes.Order());
    }

    [Fact]
    public void Check_MissingType_IsRequired()
    {
        var error = Assert.Single(Check(new ProviderConfig { ApiKey = "env:KEY" }, name: "blank"));

        Assert.StartsWith("providers.blank.type: required", error);
    }

    [Fact]
    public void Create_UnknownType_ThrowsNamingTheEntry()
    {
        var ex = Assert.Throws<ArgumentException>(() => ProviderFactory.Create("typo", new ProviderConfig { Type = "opneai" },
            new Dictionary<string, ModelConfig>(), ProviderContext.Default(Conformance.TestProviders.Http)));

        Assert.Contains("providers.typo.type", ex.Message);
        Assert.Contains("opneai", ex.Message);
    }
}
