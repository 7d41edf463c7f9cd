namespace Arbiter.Core.Config;

/// <summary>
/// The configuration `arbiter serve` uses without --config: simulated models of three tiers (no key needed),
/// plus each real provider whose key (or, for Ollama, base URL) is in the environment.
/// </summary>
public static class DefaultConfiguration
{
    /// <summary>A real vendor switched on by an environment variable, with the models it brings and their prices.</summary>
    private sealed record EnvironmentVendor(string Variable, string Name, string Type, string? BaseUrlFromVariable, (string Name, string Tier, decimal In, decimal Out, decimal? Cached, int Window)[] Models);

    // USD per million tokens, from the vendors' public price lists.
    private static readonly EnvironmentVendor[] Vendors =
    [
        new("OPENAI_API_KEY", "openai", "openai", null,
            [("gpt-4o-mini", "fast", 0.15m, 0.60m, 0.075m, 128000), ("gpt-4.1-mini", "fast", 0.40m, 1.60m, 0.10m, 1047576), ("gpt-4o", "general", 2.50m, 10.00m, 1.25m, 128000), ("gpt-4.1", "general", 2.00m, 8.00m, 0.50m, 1047576)]),
        new("ANTHROPIC_API_KEY", "anthropic", "anthropic", null,
            [("claude-3-5-haiku-latest", "fast", 0.80m, 4.00m, 0.08m, 200000), ("claude-sonnet-4-0", "general", 3.00m, 15.00m, 0.30m, 200000), ("claude-opus-4-0", "deep", 15.00m, 75.00m, 1.50m, 200000)]),
        new("GEMINI_API_KEY", "gemini", "gemini", null,
            [("gemini-2.0-flash", "fast", 0.10m, 0.40m, 0.025m, 1048576), ("gemini-2.5-flash", "general", 0.30m, 2.50m, 0.075m, 1048576), ("gemini-2.5-pro", "deep", 1.25m, 10.00m, 0.31m, 1048576)]),
        new("DEEPSEEK_API_KEY", "deepseek", "deepseek", null,
            [("deepseek-chat", "general", 0.27m, 1.10m, 0.07m, 65536), ("deepseek-reasoner", "deep", 0.55m, 2.19m, 0.14m, 65536)]),
        new("OLLAMA_BASE_URL", "ollama", "ollama", "OLLAMA_BASE_URL", []),
    ];

    public static string Yaml
    {
        get
        {
            using var stream = typeof(DefaultConfiguration).Assembly.GetManifestResourceStream("Arbiter.Core.Config.default.yaml")
                ?? throw new InvalidOperationException("the built-in configuration is missing from the assembly");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static ArbiterConfig Build(Func<string, string?> environment)
    {
        var config = ConfigLoader.Parse(Yaml, "built-in configuration");
        foreach (var vendor in Vendors)
        {
            if (string.IsNullOrEmpty(environment(vendor.Variable))) continue;
            config.Providers[vendor.Name] = new ProviderConfig
            {
                Type = vendor.Type,
                ApiKey = vendor.BaseUrlFromVariable is null ? SecretReference.EnvPrefix + vendor.Variable : null,
                BaseUrl = vendor.BaseUrlFromVariable is null ? null : WithV1(environment(vendor.BaseUrlFromVariable)!),
            };
            foreach (var m in vendor.Models)
            {
                config.Models[m.Name] = new ModelConfig
                {
                    Provider = vendor.Name,
                    Tier = m.Tier,
                    ContextWindow = m.Window,
                    Price = new PriceConfig { Input = m.In, Output = m.Out, CachedInput = m.Cached },
                };
            }
        }
        if (environment("OLLAMA_BASE_URL") is { Length: > 0 } && environment("OLLAMA_MODEL") is { Length: > 0 } ollamaModel)
            config.Models[ollamaModel] = new ModelConfig { Provider = "ollama", Tier = "private" };
        return config;
    }

    /// <summary>OLLAMA_BASE_URL is usually the server root; its OpenAI-compatible API lives under /v1.</summary>
    private static string WithV1(string url)
    {
        url = url.TrimEnd('/');
        return url.EndsWith("/v1", StringComparison.Ordinal) ? url : url + "/v1";
    }
}
