using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Config;

public sealed class ConfigValidatorTests
{
    private static readonly ConfigValidator.ProviderRules NoProviderRules = (_, _, _) => [];

    private static ArbiterConfig Valid() => new()
    {
        Providers =
        {
            ["openai"] = new ProviderConfig { Type = "openai", BaseUrl = "https://api.openai.com/v1", ApiKey = "env:OPENAI_API_KEY" },
            ["sim"] = new ProviderConfig { Type = "simulated" },
        },
        Tiers = { ["fast"] = new TierConfig { LatencyP95Ms = 1500, QualityBar = 0.9 } },
        Models =
        {
            ["gpt"] = new ModelConfig { Provider = "openai", Tier = "fast", ContextWindow = 128000, Price = new PriceConfig { Input = 2.5m, Output = 10m } },
            ["sim-a"] = new ModelConfig { Provider = "sim", Simulation = new SimulationConfig() },
        },
        Routes = { ["auto"] = new RouteConfig { Model = "gpt", Fallbacks = ["sim-a"] } },
    };

    private static IReadOnlyList<string> Validate(ArbiterConfig c) => ConfigValidator.Validate(c, NoProviderRules, _ => null);

    [Fact]
    public void Validate_ValidConfig_NoErrors()
    {
        Assert.Empty(Validate(Valid()));
    }

    private static ArbiterConfig Broken(string rule)
    {
        var c = Valid();
        switch (rule)
        {
            case "literal api key": c.Providers["openai"] = c.Providers["openai"] with { ApiKey = "sk-proj-abc123" }; break;
            case "empty env reference": c.Providers["openai"] = c.Providers["openai"] with { ApiKey = "env:" }; break;
            case "base_url ftp": c.Providers["openai"] = c.Providers["openai"] with { BaseUrl = "ftp://api.openai.com/v1" }; break;
            case "base_url relative": c.Providers["openai"] = c.Providers["openai"] with { BaseUrl = "api.openai.com/v1" }; break;
            case "model provider unknown": c.Models["gpt"] = c.Models["gpt"] with { Provider = "azure" }; break;
            case "model provider missing": c.Models["gpt"] = c.Models["gpt"] with { Provider = "" }; break;
            case "model tier unknown": c.Models["gpt"] = c.Models["gpt"] with { Tier = "slow" }; break;
            case "negative input price": c.Models["gpt"] = c.Models["gpt"] with { Price = new PriceConfig { Input = -1m, Output = 1m } }; break;
            case "negative cache write price": c.Models["gpt"] = c.Models["gpt"] with { Price = new PriceConfig { Input = 1m, Output = 1m, CacheWrite = -0.01m } }; break;
            case "price without input": c.Models["gpt"] = c.Models["gpt"] with { Price = new PriceConfig { Output = 10m } }; break;
            case "price without output": c.Models["gpt"] = c.Models["gpt"] with { Price = new PriceConfig { Input = 2.5m } }; break;
            case "header env unset": c.Providers["openai"] = c.Providers["openai"] with { Headers = new() { ["OpenAI-Organization"] = "env:OPENAI_ORG" } }; break;
            case "context window zero": c.Models["gpt"] = c.Models["gpt"] with { ContextWindow = 0 }; break;
            case "failure_rate above 1": c.Models["sim-a"] = c.Models["sim-a"] with { Simulation = new SimulationConfig { FailureRate = 1.5 } }; break;
            case "jitter negative": c.Models["sim-a"] = c.Models["sim-a"] with { Simulation = new SimulationConfig { Jitter = -0.1 } }; break;
            case "tokens_per_second zero": c.Models["sim-a"] = c.Models["sim-a"] with { Simulation = new SimulationConfig { TokensPerSecond = 0 } }; break;
            case "simulation on real provider": c.Models["gpt"] = c.Models["gpt"] with { Simulation = new SimulationConfig() }; break;
            case "route model unknown": c.Routes["auto"] = c.Routes["auto"] with { Model = "gpt-5" }; break;
            case "route model missing": c.Routes["auto"] = c.Routes["auto"] with { Model = null }; break;
            case "fallback unknown": c.Routes["auto"] = c.Routes["auto"] with { Fallbacks = ["sim-a", "nope"] }; break;
            case "route model name clash": c.Routes["gpt"] = new RouteConfig { Model = "sim-a" }; break;
            case "unknown strategy": c.Routes["auto"] = c.Routes["auto"] with { Strategy = "cheapest" }; break;
            case "quality_bar above 1": c.Tiers["fast"] = new TierConfig { QualityBar = 1.2 }; break;
            case "latency zero": c.Tiers["fast"] = new TierConfig { LatencyP95Ms = 0 }; break;
            case "no providers": c.Providers.Clear(); break;
            case "no models": c.Models.Clear(); c.Routes.Clear(); break;
            case "port too high": c = c with { Server = new ServerConfig { Port = 65536 } }; break;
            case "port negative": c = c with { Server = new ServerConfig { Port = -1 } }; break;
            case "body limit zero": c = c with { Server = new ServerConfig { MaxBodyBytes = 0 } }; break;
            case "timeout zero": c = c with { Server = new ServerConfig { UpstreamTimeoutSeconds = 0 } }; break;
            case "idle spin negative": c = c with { Server = new ServerConfig { IdleSpinMicroseconds = -1 } }; break;
            case "idle spin too long": c = c with { Server = new ServerConfig { IdleSpinMicroseconds = 20_000 } }; break;
            case "native trim negative": c = c with { Server = new ServerConfig { NativeMemoryTrimSeconds = -1 } }; break;
            case "native trim NaN": c = c with { Server = new ServerConfig { NativeMemoryTrimSeconds = double.NaN } }; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }
        return c;
    }

    [Theory]
    [InlineData("literal api key", "providers.openai.api_key")]
    [InlineData("empty env reference", "providers.openai.api_key")]
    [InlineData("base_url ftp", "providers.openai.base_url")]
    [InlineData("base_url relative", "providers.openai.base_url")]
    [InlineData("model provider unknown", "models.gpt.provider")]
    [InlineData("model provider missing", "models.gpt.provider")]
    [InlineData("model tier unknown", "models.gpt.tier")]
    [InlineData("negative input price", "models.gpt.price")]
    [InlineData("negative cache write price", "models.gpt.price")]
    [InlineData("price without input", "models.gpt.price.input")]
    [InlineData("price without output", "models.gpt.price.output")]
    [InlineData("header env unset", "providers.openai.headers.OpenAI-Organization")]
    [InlineData("context window zero", "models.gpt.context_window")]
    [InlineData("failure_rate above 1", "models.sim-a.simulation.failure_rate")]
    [InlineData("jitter negative", "models.sim-a.simulation.jitter")]
    [InlineData("tokens_per_second zero", "models.sim-a.simulation.tokens_per_second")]
    [InlineData("simulation on real provider", "models.gpt.simulation")]
    [InlineData("route model unknown", "routes.auto.model")]
    [InlineData("route model missing", "routes.auto.model")]
    [InlineData("fallback unknown", "routes.auto.fallbacks[1]")]
    [InlineData("route model name clash", "models.gpt")]
    [InlineData("unknown strategy", "routes.auto.strategy")]
    [InlineData("quality_bar above 1", "tiers.fast.quality_bar")]
    [InlineData("latency zero", "tiers.fast.latency_p95_ms")]
    [InlineData("port too high", "server.port")]
    [InlineData("port negative", "server.port")]
    [InlineData("body limit zero", "server.max_body_bytes")]
    [InlineData("timeout zero", "server.upstream_timeout_seconds")]
    [InlineData("idle spin negative", "server.idle_spin_microseconds")]
    [InlineData("idle spin too long", "server.idle_spin_microseconds")]
    [InlineData("native trim negative", "server.native_memory_trim_seconds")]
    [InlineData("native trim NaN", "server.native_memory_trim_seconds")]
    public void Validate_BrokenRule_OneErrorNamingExactKey(string rule, string key)
    {
        var errors = Validate(Broken(rule));

        Assert.StartsWith(key + ": ", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no providers", "providers")]
    [InlineData("no models", "models")]
    public void Validate_EmptySection_ErrorNamesSection(string rule, string key)
    {
        var errors = Validate(Broken(rule));

        Assert.Contains(errors, e => e.StartsWith(key + ": ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LiteralApiKey_MessageNeverEchoesTheKey()
    {
        var errors = Validate(Broken("literal api key"));

        Assert.DoesNotContain("sk-proj-abc123", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownProvider_ListsConfiguredProviders()
    {
        var error = Assert.Single(Validate(Broken("model provider unknown")));

        Assert.Contains("'azure'", error, StringComparison.Ordinal);
        Assert.Contains("openai, sim", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65535)]
    public void Validate_PortAtBounds_Accepted(int port)
    {
        Assert.Empty(Validate(Valid() with { Server = new ServerConfig { Port = port } }));
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEveryOne()
    {
        var c = Broken("literal api key");
        c.Models["gpt"] = c.Models["gpt"] with { Tier = "slow" };
        c.Routes["auto"] = c.Routes["auto"] with { Strategy = "x" };

        Assert.Equal(3, Validate(c).Count);
    }

    [Fact]
    public void Validate_ProviderRules_CalledPerProviderWithEnvironmentAndIncluded()
    {
        var seen = new List<string>();
        ConfigValidator.ProviderRules rules = (name, p, env) =>
        {
            seen.Add(name);
            return env("NEEDED") is null ? [$"providers.{name}.api_key: {p.Type} needs NEEDED"] : [];
        };

        var errors = ConfigValidator.Validate(Valid(), rules, _ => null);
        var none = ConfigValidator.Validate(Valid(), rules, v => v == "NEEDED" ? "x" : null);

        Assert.Equal(["openai", "sim", "openai", "sim"], seen);
        Assert.Equal(["providers.openai.api_key: openai needs NEEDED", "providers.sim.api_key: simulated needs NEEDED"], errors);
        Assert.Empty(none);
    }

    [Fact]
    public void ThrowIfInvalid_Invalid_ThrowsConfigExceptionWithEveryError()
    {
        var ex = Assert.Throws<ConfigException>(() => ConfigValidator.ThrowIfInvalid(Broken("unknown strategy"), NoProviderRules, _ => null));

        Assert.StartsWith("routes.auto.strategy: ", Assert.Single(ex.Errors), StringComparison.Ordinal);
        Assert.Contains("routes.auto.strategy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_Valid_DoesNotThrow()
    {
        var ex = Record.Exception(() => ConfigValidator.ThrowIfInvalid(Valid(), NoProviderRules, _ => null));

        Assert.Null(ex);
    }
}
