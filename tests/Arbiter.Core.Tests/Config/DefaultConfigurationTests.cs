using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class DefaultConfigurationTests
{
    private const string SecretValue = "sk-test-secret-value-123";

    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    private static IReadOnlyList<string> Validate(ArbiterConfig c) => ConfigValidator.Validate(c, (_, _, _) => [], _ => null);

    [Fact]
    public void Build_EmptyEnvironment_OnlySimulatedModelsOfThreeTiers()
    {
        var c = DefaultConfiguration.Build(Env());

        var simulator = Assert.Single(c.Providers);
        Assert.Equal("simulated", simulator.Value.Type);
        Assert.Null(simulator.Value.ApiKey);
        Assert.True(c.Models.Count >= 3);
        Assert.All(c.Models.Values, m =>
        {
            Assert.Equal(simulator.Key, m.Provider);
            Assert.NotNull(m.Simulation);
            Assert.True(m.Price is { Input: > 0, Output: > 0 }, "every built-in model is priced");
        });
        var tiers = c.Models.Values.Select(m => m.Tier).ToList();
        Assert.Equal(tiers.Count, tiers.Distinct().Count());
        Assert.Superset(new HashSet<string?> { "fast", "general", "deep" }, tiers.ToHashSet());
    }

    [Fact]
    public void Build_EmptyEnvironment_RouteAutoCascadesOverTheTiers()
    {
        var c = DefaultConfiguration.Build(Env());

        var auto = c.Routes["auto"];
        Assert.Equal("cascade", auto.Strategy);
        Assert.Equal(["fast", "general", "deep"], auto.Tiers);
        Assert.All(auto.Tiers!, t => Assert.Contains(c.Models.Values, m => m.Tier == t));
        Assert.Contains("summarize", c.Routes.Keys);
        Assert.Contains("code", c.Routes.Keys);
    }

    [Fact]
    public void Build_EmptyEnvironment_PassesValidation()
    {
        Assert.Empty(Validate(DefaultConfiguration.Build(Env())));
    }

    [Fact]
    public void Build_EmptyVariable_TreatedAsUnset()
    {
        var c = DefaultConfiguration.Build(Env(("OPENAI_API_KEY", ""), ("OLLAMA_BASE_URL", "")));

        Assert.Single(c.Providers);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY", "openai", "openai")]
    [InlineData("ANTHROPIC_API_KEY", "anthropic", "anthropic")]
    [InlineData("GEMINI_API_KEY", "gemini", "gemini")]
    [InlineData("DEEPSEEK_API_KEY", "deepseek", "deepseek")]
    public void Build_VendorKeyInEnvironment_AddsProviderWithReferenceAndPricedModels(string variable, string provider, string type)
    {
        var simulatedOnly = DefaultConfiguration.Build(Env());

        var c = DefaultConfiguration.Build(Env((variable, SecretValue)));

        var p = c.Providers[provider];
        Assert.Equal(type, p.Type);
        Assert.Equal("env:" + variable, p.ApiKey);
        Assert.Equal(2, c.Providers.Count);
        var models = c.Models.Where(m => m.Value.Provider == provider).ToList();
        Assert.NotEmpty(models);
        Assert.All(models, m =>
        {
            Assert.True(m.Value.Price is { Input: > 0, Output: > 0, CachedInput: > 0 }, $"{m.Key} is priced");
            Assert.True(m.Value.ContextWindow > 0);
            Assert.Contains(m.Value.Tier!, c.Tiers.Keys);
            Assert.Null(m.Value.Simulation);
        });
        Assert.Equal(simulatedOnly.Models.Count + models.Count, c.Models.Count);
        Assert.Empty(Validate(c));
    }

    [Fact]
    public void Build_EveryVendorKey_NeverHoldsTheKeyValue()
    {
        var c = DefaultConfiguration.Build(Env(("OPENAI_API_KEY", SecretValue), ("ANTHROPIC_API_KEY", SecretValue),
            ("GEMINI_API_KEY", SecretValue), ("DEEPSEEK_API_KEY", SecretValue)));

        Assert.Equal(5, c.Providers.Count);
        var strings = c.Providers.Values.SelectMany(p => new[] { p.ApiKey, p.BaseUrl, p.ApiVersion }
            .Concat(p.Headers?.Values ?? Enumerable.Empty<string>()));
        Assert.DoesNotContain(strings, s => s?.Contains(SecretValue, StringComparison.Ordinal) == true);
        Assert.Empty(Validate(c));
    }

    [Theory]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434/v1")]
    [InlineData("http://127.0.0.1:11434/", "http://127.0.0.1:11434/v1")]
    [InlineData("http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1")]
    [InlineData("http://gpu-box:11434/v1/", "http://gpu-box:11434/v1")]
    public void Build_OllamaBaseUrl_AddsOllamaProviderUnderV1(string baseUrl, string expected)
    {
        var c = DefaultConfiguration.Build(Env(("OLLAMA_BASE_URL", baseUrl)));

        var ollama = c.Providers["ollama"];
        Assert.Equal("ollama", ollama.Type);
        Assert.Equal(expected, ollama.BaseUrl);
        Assert.Null(ollama.ApiKey);
        Assert.DoesNotContain(c.Models.Values, m => m.Provider == "ollama");
        Assert.Empty(Validate(c));
    }

    [Fact]
    public void Build_OllamaBaseUrlAndModel_AddsPrivateUnpricedModel()
    {
        var c = DefaultConfiguration.Build(Env(("OLLAMA_BASE_URL", "http://127.0.0.1:11434"), ("OLLAMA_MODEL", "llama3.2")));

        var m = c.Models["llama3.2"];
        Assert.Equal("ollama", m.Provider);
        Assert.Equal("private", m.Tier);
        Assert.Null(m.Price);
        Assert.Empty(Validate(c));
    }

    [Fact]
    public void Build_OllamaModelWithoutBaseUrl_AddsNothing()
    {
        var c = DefaultConfiguration.Build(Env(("OLLAMA_MODEL", "llama3.2")));

        Assert.False(c.Models.ContainsKey("llama3.2"));
        Assert.False(c.Providers.ContainsKey("ollama"));
    }

    [Fact]
    public void Build_CalledTwice_ReturnsIndependentConfigs()
    {
        var first = DefaultConfiguration.Build(Env(("OPENAI_API_KEY", SecretValue)));
        var second = DefaultConfiguration.Build(Env());

        Assert.True(first.Providers.ContainsKey("openai"));
        Assert.False(second.Providers.ContainsKey("openai"));
    }
}
