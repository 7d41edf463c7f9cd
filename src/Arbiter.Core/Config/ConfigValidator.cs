using Arbiter.Core.Providers;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Config;

/// <summary>
/// Checks a configuration once, at start-up, and lists every problem with the key that holds it.
/// Provider-type specific rules (which types exist, which need a base URL or a key) come from the caller,
/// since Core does not know the adapters.
/// </summary>
public static class ConfigValidator
{
    public delegate IEnumerable<string> ProviderRules(string name, ProviderConfig provider, Func<string, string?> environment);

    public static IReadOnlyList<string> Validate(ArbiterConfig config, ProviderRules providerRules, Func<string, string?> environment)
    {
        var errors = new List<string>();
        // A key written with nothing under it loads as null; name it here rather than fail on it below.
        if (config.Server is null) errors.Add("server: empty section; remove it or give port, max_body_bytes or upstream_timeout_seconds");
        else ValidateServer(config.Server, errors);
        var c = config with
        {
            Providers = config.Providers ?? [],
            Models = config.Models ?? [],
            Tiers = Section(config.Tiers, "tiers", "a tier", errors),
            Routes = Section(config.Routes, "routes", "a route", errors),
        };
        if (c.Providers.Count == 0) errors.Add("providers: at least one provider is required");
        foreach (var (name, p) in Entries(c.Providers, "providers", "give at least type", errors))
        {
            if (p.ApiKey is not null && !SecretReference.IsReference(p.ApiKey))
                errors.Add($"providers.{name}.api_key: write the key as a reference, env:VARIABLE; keys are never accepted in the file");
            if (p.BaseUrl is not null && !IsHttpUrl(p.BaseUrl))
                errors.Add($"providers.{name}.base_url: '{p.BaseUrl}' is not an absolute http(s) URL");
            foreach (var (header, value) in p.Headers ?? [])
                if (value is null) errors.Add($"providers.{name}.headers.{header}: empty value; give the header's value or remove it");
                else if (SecretReference.VariableOf(value) is { } variable && string.IsNullOrEmpty(environment(variable)))
                    errors.Add($"providers.{name}.headers.{header}: environment variable {variable} is not set");
            errors.AddRange(providerRules(name, p, environment));
        }
        if (c.Models.Count == 0) errors.Add("models: at least one model is required");
        foreach (var (name, m) in Entries(c.Models, "models", "give at least provider", errors)) ValidateModel(name, m, c, errors);
        foreach (var (name, t) in Entries(c.Tiers, "tiers", "give latency_p95_ms, quality_bar or self_hosted", errors)) ValidateTier(name, t, errors);
        foreach (var (name, r) in Entries(c.Routes, "routes", "give at least model", errors)) ValidateRoute(name, r, c, errors);
        OrchestrationConfigRules.Validate(c, errors);
        if (c.Resilience is null) errors.Add("resilience: empty section; remove it or give retry, timeouts, circuit_breaker, hedging or load_balancing");
        else ResilienceConfigRules.Validate(c, errors);
        AccountingConfigRules.Check(config, environment, errors);
        RoutingConfigValidator.ValidateQuality(c, errors);
        ScorerConfigRules.Validate(c, errors);
        ObservabilityConfigRules.Check(config.Observability, errors, config.Auth);
        return errors;
    }

    /// <summary>Validates and throws <see cref="ConfigException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(ArbiterConfig config, ProviderRules providerRules, Func<string, string?> environment)
    {
        var errors = Validate(config, providerRules, environment);
        if (errors.Count > 0) throw new ConfigException(errors);
    }

    private static void ValidateServer(ServerConfig s, List<string> errors)
    {
        if (s.Port is < 0 or > 65535) errors.Add($"server.port: must be between 0 and 65535, got {s.Port}");
        if (s.MaxBodyBytes <= 0) errors.Add($"server.max_body_bytes: must be positive, got {s.MaxBodyBytes}");
        if (s.UpstreamTimeoutSeconds <= 0) errors.Add($"server.upstream_timeout_seconds: must be positive, got {s.UpstreamTimeoutSeconds}");
        if (s.IdleSpinMicroseconds is < 0 or > 10_000) errors.Add($"server.idle_spin_microseconds: must be between 0 and 10000, got {s.IdleSpinMicroseconds}");
        if (s.NativeMemoryTrimSeconds is < 0 or > 3600 or double.NaN)
            errors.Add($"server.native_memory_trim_seconds: must be between 0 (off) and 3600, got {s.NativeMemoryTrimSeconds}");
    }

    private static void ValidateModel(string name, ModelConfig m, ArbiterConfig config, List<string> errors)
    {
        var key = $"models.{name}";
        if (m.Deployments is not null) ResilienceConfigRules.ValidateDeployments(key, m, config, errors);
        else if (string.IsNullOrEmpty(m.Provider)) errors.Add($"{key}.provider: required (or give deployments)");
        else if (!config.Providers.TryGetValue(m.Provider, out var provider))
            errors.Add($"{key}.provider: '{m.Provider}' is not a configured provider (configured: {Known(config.Providers.Keys)})");
        else if (m.Simulation is not null && provider is not null && provider.Type != ProviderTypes.Simulated)
            errors.Add($"{key}.simulation: only models of a simulated provider can have simulation settings");
        if (m.Tier is not null && !config.Tiers.ContainsKey(m.Tier))
            errors.Add($"{key}.tier: '{m.Tier}' is not a configured tier (configured: {Known(config.Tiers.Keys)})");
        if (m.Price is { } price)
        {
            if (price.Input is null) errors.Add($"{key}.price.input: required (USD per million input tokens)");
            if (price.Output is null) errors.Add($"{key}.price.output: required (USD per million output tokens)");
            if (price.Input < 0 || price.Output < 0 || price.CachedInput < 0 || price.CacheWrite < 0)
                errors.Add($"{key}.price: prices must not be negative");
            if (price.LongContext is { } lc)
            {
                if (lc.AboveInputTokens <= 0) errors.Add($"{key}.price.long_context.above_input_tokens: must be positive");
                if (lc.Input is null || lc.Output is null) errors.Add($"{key}.price.long_context: input and output are both required");
                if (lc.Input < 0 || lc.Output < 0 || lc.CachedInput < 0 || lc.CacheWrite < 0)
                    errors.Add($"{key}.price.long_context: prices must not be negative");
            }
        }
        if (m.ContextWindow is <= 0) errors.Add($"{key}.context_window: must be positive, got {m.ContextWindow}");
        if (m.Simulation is { } sim)
        {
            if (sim.TtftMs < 0) errors.Add($"{key}.simulation.ttft_ms: must not be negative");
            if (sim.TokensPerSecond <= 0) errors.Add($"{key}.simulation.tokens_per_second: must be positive");
            if (sim.OutputTokens <= 0) errors.Add($"{key}.simulation.output_tokens: must be positive");
            if (sim.FailureRate is < 0 or > 1) errors.Add($"{key}.simulation.failure_rate: must be between 0 and 1, got {sim.FailureRate}");
            if (sim.Jitter is < 0 or > 1) errors.Add($"{key}.simulation.jitter: must be between 0 and 1, got {sim.Jitter}");
        }
        if (config.Routes.ContainsKey(name)) errors.Add($"{key}: a route has the same name; clients could not tell them apart");
    }

    private static void ValidateTier(string name, TierConfig t, List<string> errors)
    {
        if (t.QualityBar is < 0 or > 1) errors.Add($"tiers.{name}.quality_bar: must be between 0 and 1, got {t.QualityBar}");
        if (t.LatencyP95Ms is <= 0) errors.Add($"tiers.{name}.latency_p95_ms: must be positive, got {t.LatencyP95Ms}");
        RoutingConfigValidator.ValidateTier(name, t, errors);
    }

    private static void ValidateRoute(string name, RouteConfig r, ArbiterConfig config, List<string> errors)
    {
        var key = $"routes.{name}";
        if (string.IsNullOrEmpty(r.Strategy)) errors.Add($"{key}.strategy: empty; remove it or give a strategy (known: {string.Join(", ", RoutingStrategies.All)})");
        else if (!RoutingStrategies.All.Contains(r.Strategy)) errors.Add($"{key}.strategy: unknown strategy '{r.Strategy}' (known: {string.Join(", ", RoutingStrategies.All)})");
        if (r.Strategy == RoutingStrategies.Learned) ValidateLearned(key, r, errors);
        else if (string.IsNullOrEmpty(r.Model)) { if (r.Strategy is null or RoutingStrategies.Single) errors.Add($"{key}.model: required for strategy single"); }
        else if (!config.Models.ContainsKey(r.Model)) errors.Add($"{key}.model: '{r.Model}' is not a configured model (configured: {Known(config.Models.Keys)})");
        for (var i = 0; i < (r.Fallbacks?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(r.Fallbacks![i])) errors.Add($"{key}.fallbacks[{i}]: empty entry; give a model name");
            else if (!config.Models.ContainsKey(r.Fallbacks[i])) errors.Add($"{key}.fallbacks[{i}]: '{r.Fallbacks[i]}' is not a configured model");
        }
        RoutingConfigValidator.ValidateRoute(name, r, config, errors);
    }

    private static void ValidateLearned(string key, RouteConfig r, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(r.ModelDir)) errors.Add($"{key}.model_dir: required for strategy learned (a directory written by `arbiter router train`)");
        if (r.Lambda is < 0 || r.Lambda is { } l && !double.IsFinite(l)) errors.Add($"{key}.lambda: must be a non-negative number, got {r.Lambda}");
        if (r.Margin is < 0 or > 1) errors.Add($"{key}.margin: must be between 0 and 1, got {r.Margin}");
    }

    /// <summary>An optional section written with nothing under it is reported, then treated as empty.</summary>
    private static Dictionary<string, T> Section<T>(Dictionary<string, T>? section, string key, string what, List<string> errors)
    {
        if (section is not null) return section;
        errors.Add($"{key}: empty section; remove it or add {what}");
        return [];
    }

    /// <summary>The entries that have settings; each empty one (a key with nothing under it) is reported by its key.</summary>
    private static IEnumerable<(string Name, T Value)> Entries<T>(Dictionary<string, T> section, string key, string hint, List<string> errors)
        where T : class
    {
        foreach (var (name, value) in section)
        {
            if (value is null) errors.Add($"{key}.{name}: empty entry; {hint}");
            else yield return (name, value);
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
