using Arbiter.Core.Resilience;

namespace Arbiter.Core.Config;

/// <summary>The <see cref="ConfigValidator"/> rules of the resilience settings: deployments, fallbacks and the <c>resilience:</c> section.</summary>
internal static class ResilienceConfigRules
{
    /// <summary>A day: longer than any answer should take, and within what a timer can be set to.</summary>
    private const int MaxTotalSeconds = 86_400;

    public static void Validate(ArbiterConfig config, List<string> errors)
    {
        var r = config.Resilience;
        CheckSelector("resilience.load_balancing", r.LoadBalancing, errors);
        if (r.Retry is { } retry)
        {
            Positive("resilience.retry.base_delay_ms", retry.BaseDelayMs, errors, allowZero: true);
            Positive("resilience.retry.max_delay_ms", retry.MaxDelayMs, errors, allowZero: true);
            Positive("resilience.retry.max_retry_after_seconds", retry.MaxRetryAfterSeconds, errors, allowZero: true);
            foreach (var (cls, count) in retry.PerError ?? [])
            {
                if (!ConfigDefaults.RetriesPerErrorClass.ContainsKey(cls))
                    errors.Add($"resilience.retry.per_error.{cls}: unknown error class (known: {string.Join(", ", ConfigDefaults.RetriesPerErrorClass.Keys)})");
                else if (count is < 0 or > 10) errors.Add($"resilience.retry.per_error.{cls}: must be between 0 and 10, got {count}");
            }
        }
        else errors.Add("resilience.retry: empty section; remove it or give its settings");
        if (r.Timeouts is { } t)
        {
            Positive("resilience.timeouts.connect_seconds", t.ConnectSeconds, errors);
            Positive("resilience.timeouts.first_byte_seconds", t.FirstByteSeconds, errors);
            Positive("resilience.timeouts.stream_idle_seconds", t.StreamIdleSeconds, errors);
            Positive("resilience.timeouts.total_seconds", t.TotalSeconds, errors);
            if (t.TotalSeconds > MaxTotalSeconds)
                errors.Add($"resilience.timeouts.total_seconds: must be at most {MaxTotalSeconds} (one day), got {t.TotalSeconds}");
        }
        else errors.Add("resilience.timeouts: empty section; remove it or give its settings");
        if (r.CircuitBreaker is { } b)
        {
            if (b.FailureRatio is <= 0 or > 1) errors.Add($"resilience.circuit_breaker.failure_ratio: must be in (0, 1], got {b.FailureRatio}");
            if (b.MinimumThroughput < 2) errors.Add($"resilience.circuit_breaker.minimum_throughput: must be at least 2, got {b.MinimumThroughput}");
            Positive("resilience.circuit_breaker.sampling_seconds", b.SamplingSeconds, errors);
            Positive("resilience.circuit_breaker.break_seconds", b.BreakSeconds, errors);
        }
        else errors.Add("resilience.circuit_breaker: empty section; remove it or give its settings");
        if (r.Hedging is { } h)
        {
            Positive("resilience.hedging.delay_ms", h.DelayMs, errors);
            if (h.MaxHedged is < 1 or > 5) errors.Add($"resilience.hedging.max_hedged: must be between 1 and 5, got {h.MaxHedged}");
        }
        foreach (var (name, m) in config.Models)
        {
            if (m is null) continue;
            if (m.LoadBalancing is not null) CheckSelector($"models.{name}.load_balancing", m.LoadBalancing, errors);
            CheckModels($"models.{name}.fallbacks", m.Fallbacks, config, errors);
            CheckModels($"models.{name}.context_window_fallbacks", m.ContextWindowFallbacks, config, errors);
            CheckModels($"models.{name}.content_policy_fallbacks", m.ContentPolicyFallbacks, config, errors);
        }
    }

    /// <summary>Rules of <c>models.NAME.deployments</c>, used instead of the single <c>provider</c> rule.</summary>
    public static void ValidateDeployments(string key, ModelConfig m, ArbiterConfig config, List<string> errors)
    {
        var list = m.Deployments!;
        if (!string.IsNullOrEmpty(m.Provider)) errors.Add($"{key}: give provider or deployments, not both");
        if (list.Count == 0) errors.Add($"{key}.deployments: empty list; give at least one deployment");
        if (list.Count > 64) errors.Add($"{key}.deployments: at most 64 deployments per model, got {list.Count}");
        if (m.Simulation is not null) errors.Add($"{key}.simulation: not supported with deployments; give each model its own simulated provider");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var d = list[i];
            var at = $"{key}.deployments[{i}]";
            if (d is null) { errors.Add($"{at}: empty entry; give at least provider"); continue; }
            if (string.IsNullOrEmpty(d.Provider)) errors.Add($"{at}.provider: required");
            else if (!config.Providers.ContainsKey(d.Provider))
                errors.Add($"{at}.provider: '{d.Provider}' is not a configured provider");
            if (!names.Add(d.Name ?? d.Provider)) errors.Add($"{at}: deployment name '{d.Name ?? d.Provider}' is used twice in this model; give each a distinct name");
            if (d.Weight is < 0 or double.NaN) errors.Add($"{at}.weight: must not be negative, got {d.Weight}");
            if (d.Rpm is <= 0) errors.Add($"{at}.rpm: must be positive, got {d.Rpm}");
            if (d.Tpm is <= 0) errors.Add($"{at}.tpm: must be positive, got {d.Tpm}");
            if (d.Price is { Input: null } or { Output: null }) errors.Add($"{at}.price: give both input and output (USD per million tokens)");
        }
    }

    private static void CheckSelector(string key, string? name, List<string> errors)
    {
        if (name is null || !DeploymentSelectors.All.Contains(name))
            errors.Add($"{key}: unknown strategy '{name}' (known: {string.Join(", ", DeploymentSelectors.All)})");
    }

    private static void CheckModels(string key, List<string>? models, ArbiterConfig config, List<string> errors)
    {
        for (var i = 0; i < (models?.Count ?? 0); i++)
            if (string.IsNullOrEmpty(models![i]) || !config.Models.ContainsKey(models[i]))
                errors.Add($"{key}[{i}]: '{models[i]}' is not a configured model");
    }

    private static void Positive(string key, double value, List<string> errors, bool allowZero = false)
    {
        if (double.IsNaN(value) || value < 0 || (!allowZero && value == 0))
            errors.Add($"{key}: must be {(allowZero ? "zero or more" : "positive")}, got {value}");
    }
}
