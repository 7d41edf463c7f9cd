using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class ConfigLoaderTests
{
    private const string FullYaml = """
        server:
          port: 8080
          max_body_bytes: 1048576
          upstream_timeout_seconds: 30.5
        providers:
          openai:
            type: openai
            base_url: https://api.openai.com/v1
            api_key: env:OPENAI_API_KEY
            api_version: "2024-10-21"
            headers:
              X-Team: search
              X-Secret: env:TEAM_TOKEN
          sim:
            type: simulated
            seed: 7
        tiers:
          fast: { latency_p95_ms: 1500, quality_bar: 0.85 }
          private: { self_hosted: true }
        models:
          gpt-4o:
            provider: openai
            model: gpt-4o-2024-08-06
            tier: fast
            context_window: 128000
            price: { input: 2.50, output: 10.00, cached_input: 1.25, cache_write: 3.125 }
          sim-a:
            provider: sim
            simulation: { ttft_ms: 150, tokens_per_second: 180, output_tokens: 80, failure_rate: 0.1, jitter: 0.3 }
        routes:
          auto:
            strategy: single
            model: gpt-4o
            fallbacks: [sim-a]
        """;

    [Fact]
    public void Parse_FullExample_ReadsEverySnakeCaseKey()
    {
        var c = ConfigLoader.Parse(FullYaml);

        Assert.Equal(8080, c.Server.Port);
        Assert.Equal(1_048_576, c.Server.MaxBodyBytes);
        Assert.Equal(30.5, c.Server.UpstreamTimeoutSeconds);

        var openai = c.Providers["openai"];
        Assert.Equal("openai", openai.Type);
        Assert.Equal("https://api.openai.com/v1", openai.BaseUrl);
        Assert.Equal("env:OPENAI_API_KEY", openai.ApiKey);
        Assert.Equal("2024-10-21", openai.ApiVersion);
        Assert.Equal(new Dictionary<string, string> { ["X-Team"] = "search", ["X-Secret"] = "env:TEAM_TOKEN" }, openai.Headers);
        Assert.Equal(7, c.Providers["sim"].Seed);

        Assert.Equal(new TierConfig { LatencyP95Ms = 1500, QualityBar = 0.85 }, c.Tiers["fast"]);
        Assert.True(c.Tiers["private"].SelfHosted);

        var gpt = c.Models["gpt-4o"];
        Assert.Equal("openai", gpt.Provider);
        Assert.Equal("gpt-4o-2024-08-06", gpt.Model);
        Assert.Equal("fast", gpt.Tier);
        Assert.Equal(128000, gpt.ContextWindow);
        Assert.Equal(new PriceConfig { Input = 2.50m, Output = 10.00m, CachedInput = 1.25m, CacheWrite = 3.125m }, gpt.Price);
        Assert.Null(gpt.Simulation);

        var sim = c.Models["sim-a"].Simulation!;
        Assert.Equal(new SimulationConfig { TtftMs = 150, TokensPerSecond = 180, OutputTokens = 80, FailureRate = 0.1, Jitter = 0.3 }, sim);
        Assert.Null(c.Models["sim-a"].Price);

        var route = c.Routes["auto"];
        Assert.Equal("single", route.Strategy);
        Assert.Equal("gpt-4o", route.Model);
        Assert.Equal(["sim-a"], route.Fallbacks!);
    }

    [Fact]
    public void Parse_FullExample_PassesValidation()
    {
        var errors = ConfigValidator.Validate(ConfigLoader.Parse(FullYaml), (_, _, _) => [], name => name == "TEAM_TOKEN" ? "t0ken" : null);

        Assert.Empty(errors);
    }

    [Fact]
    public void Parse_OmittedSections_TakeDefaults()
    {
        var c = ConfigLoader.Parse("providers:\n  p: { type: openai }\n");

        Assert.Equal(ConfigDefaults.Port, c.Server.Port);
        Assert.Equal(ConfigDefaults.MaxBodyBytes, c.Server.MaxBodyBytes);
        Assert.Equal(ConfigDefaults.UpstreamTimeoutSeconds, c.Server.UpstreamTimeoutSeconds);
        Assert.Empty(c.Models);
        Assert.Empty(c.Routes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyDocument_GivesEmptyConfig(string yaml)
    {
        var c = ConfigLoader.Parse(yaml);

        Assert.Empty(c.Providers);
        Assert.Equal(ConfigDefaults.Port, c.Server.Port);
    }

    [Theory]
    [InlineData("server:\n  port: 1\nmodels:\n  m:\n    provider: p\n    bogus_key: 3\n", "bogus_key", 6)]
    [InlineData("servr:\n  port: 1\n", "servr", 1)]
    [InlineData("providers:\n  p:\n    type: openai\n    apikey: env:X\n", "apikey", 4)]
    [InlineData("models:\n  m:\n    provider: p\n    price: { input: 1, outptu: 2 }\n", "outptu", 4)]
    public void Parse_UnknownKey_NamesKeyAndLine(string yaml, string key, int line)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "arbiter.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith($"arbiter.yaml:{line}:", error, StringComparison.Ordinal);
        Assert.Contains($"unknown key '{key}'", error, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server:\n  port: 1\n models: [\n", 3)]
    [InlineData("providers:\n  p: { type: openai\n", 3)]
    [InlineData("providers:\n  p:\n    type: 'openai\n", 3)]
    public void Parse_SyntaxError_NamesLine(string yaml, int line)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "arbiter.yaml"));

        Assert.StartsWith($"arbiter.yaml:{line}:", Assert.Single(ex.Errors), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Errors[0]);
    }

    [Fact]
    public void Parse_WrongValueType_ThrowsConfigExceptionWithLine()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("server:\n  port: lots\n", "arbiter.yaml"));

        Assert.StartsWith("arbiter.yaml:2:", Assert.Single(ex.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_ThrowsConfigExceptionNamingPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arbiter-missing-{Guid.NewGuid():N}.yaml");

        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadFile(path));

        Assert.Equal($"{path}: file not found", Assert.Single(ex.Errors));
    }

    [Fact]
    public void LoadFile_Existing_ParsesItAndNamesFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"arbiter-test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "server:\n  port: 4100\n  nope: 1\n");
        try
        {
            var ex = Assert.Throws<ConfigException>(() => ConfigLoader.LoadFile(path));
            Assert.StartsWith($"{path}:3:", Assert.Single(ex.Errors), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Loads and validates; a ConfigException from either step gives its errors (so a fix in either place passes).</summary>
    private static IReadOnlyList<string> LoadAndValidate(string yaml)
    {
        try
        {
            return ConfigValidator.Validate(ConfigLoader.Parse(yaml), (_, _, _) => [], _ => null);
        }
        catch (ConfigException ex)
        {
            return ex.Errors;
        }
    }

    [Fact]
    public void LoadAndValidate_ModelWithNoSettings_ReportsTheModelKey()
    {
        var errors = LoadAndValidate("providers:\n  p: { type: openai }\nmodels:\n  m:\n");

        Assert.Contains(errors, e => e.StartsWith("models.m", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadAndValidate_EmptyProvidersSection_ReportsProvidersRequired()
    {
        var errors = LoadAndValidate("providers:\nmodels:\n  m: { provider: p }\n");

        Assert.Contains(errors, e => e.StartsWith("providers", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadAndValidate_NullFallback_ReportsFallbackKey()
    {
        var errors = LoadAndValidate("providers:\n  p: { type: openai }\nmodels:\n  m: { provider: p }\nroutes:\n  r: { model: m, fallbacks: [~] }\n");

        Assert.Contains(errors, e => e.StartsWith("routes.r.fallbacks[0]", StringComparison.Ordinal));
    }

    private const string Base = "providers:\n  p: { type: openai }\nmodels:\n  m: { provider: p }\n";

    [Theory]
    [InlineData("providers:\n  p:\nmodels:\n  m: { provider: p }\n", "providers.p: empty entry; give at least type")]
    [InlineData("providers:\n  p: { type: openai }\nmodels:\n  m:\n", "models.m: empty entry; give at least provider")]
    [InlineData(Base + "tiers:\n  t:\n", "tiers.t: empty entry")]
    [InlineData(Base + "routes:\n  r:\n", "routes.r: empty entry; give at least model")]
    [InlineData(Base + "server:\n", "server: empty section")]
    [InlineData(Base + "tiers:\n", "tiers: empty section")]
    [InlineData(Base + "routes:\n", "routes: empty section")]
    [InlineData("providers:\n  p: { type: openai }\nmodels:\n", "models: at least one model is required")]
    [InlineData("providers:\n  p: { type: openai, headers: { X-Team: } }\nmodels:\n  m: { provider: p }\n", "providers.p.headers.X-Team: empty value")]
    [InlineData(Base + "routes:\n  r: { model: m, strategy: }\n", "routes.r.strategy: empty")]
    [InlineData(Base + "routes:\n  r: { model: m, fallbacks: [m, ''] }\n", "routes.r.fallbacks[1]: empty entry")]
    public void LoadAndValidate_EmptyValue_ReportsItsKey(string yaml, string expected)
    {
        var errors = LoadAndValidate(yaml);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadAndValidate_EmptyProviderEntryUsedByModel_ReportsOnlyTheEmptyEntry()
    {
        var errors = LoadAndValidate("providers:\n  p:\nmodels:\n  m: { provider: p, simulation: { ttft_ms: 1 } }\n");

        Assert.Equal(["providers.p: empty entry; give at least type"], errors);
    }

    [Theory]
    [InlineData("server:\n  port: 1\nserver:\n  port: 2\n", "server", 3, 1)]
    [InlineData("providers:\n  p: { type: openai }\n  p: { type: anthropic }\n", "providers.p", 3, 2)]
    [InlineData("providers:\n  p:\n    type: openai\n    type: gemini\n", "providers.p.type", 4, 3)]
    [InlineData("routes:\n  r: { model: a, fallbacks: [b], model: c }\n", "routes.r.model", 2, 2)]
    [InlineData("providers:\n  p:\n    type: openai\n    headers:\n      X-A: 1\n      X-A: 2\n", "providers.p.headers.X-A", 6, 5)]
    public void Parse_DuplicateKey_NamesKeyAndBothLines(string yaml, string key, int line, int firstLine)
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "arbiter.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith($"arbiter.yaml:{line}:", error, StringComparison.Ordinal);
        Assert.EndsWith($"duplicate key '{key}' (first written at line {firstLine})", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FlowMappingLeftOpenAcrossLines_SaysItIsNotClosed()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("models:\n  m: {provider: p,\n  x: 1\n", "arbiter.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("arbiter.yaml:3:", error, StringComparison.Ordinal);
        Assert.Contains("ends inside a flow mapping or sequence", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Operation is not valid", error, StringComparison.Ordinal);
    }
}
