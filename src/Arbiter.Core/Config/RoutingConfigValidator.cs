using System.Text.RegularExpressions;
using Arbiter.Core.Cascade;
using Arbiter.Core.Privacy;
using Arbiter.Core.Routing;
using Arbiter.Core.Routing.Split;

namespace Arbiter.Core.Config;

/// <summary>The routing engine's part of <see cref="ConfigValidator"/>: each strategy's keys, rules, arms, gates, privacy, quality tables.</summary>
internal static class RoutingConfigValidator
{
    public static void ValidateRoute(string name, RouteConfig r, ArbiterConfig config, List<string> errors)
    {
        var key = $"routes.{name}";
        switch (r.Strategy)
        {
            case RoutingStrategies.Tier or RoutingStrategies.Cascade:
                if (r.Tiers is not { Count: > 0 }) errors.Add($"{key}.tiers: required for strategy {r.Strategy}; list tier names");
                else for (var i = 0; i < r.Tiers.Count; i++)
                    if (r.Tiers[i] is not { } t || !config.Tiers.ContainsKey(t))
                        errors.Add($"{key}.tiers[{i}]: '{r.Tiers[i]}' is not a configured tier (configured: {Known(config.Tiers.Keys)})");
                break;
            case RoutingStrategies.Rules:
                if (r.Rules is not { Count: > 0 }) errors.Add($"{key}.rules: required for strategy rules");
                for (var i = 0; i < (r.Rules?.Count ?? 0); i++) ValidateRule($"{key}.rules[{i}]", r.Rules![i], name, config, errors);
                if (string.IsNullOrEmpty(r.Default)) errors.Add($"{key}.default: required for strategy rules (the route or model used when no rule matches)");
                else Target($"{key}.default", r.Default, name, config, errors);
                break;
            case RoutingStrategies.Split:
                if (r.Arms is not { Count: > 0 }) errors.Add($"{key}.arms: required for strategy split");
                for (var i = 0; i < (r.Arms?.Count ?? 0); i++)
                {
                    if (r.Arms![i] is not { } arm) { errors.Add($"{key}.arms[{i}]: empty entry"); continue; }
                    if (!(arm.Weight > 0)) errors.Add($"{key}.arms[{i}].weight: must be positive, got {arm.Weight}");
                    Target($"{key}.arms[{i}].route", arm.Route, name, config, errors);
                }
                if (r.Sticky is not null && !SplitRoutingStrategy.StickyModes.Contains(r.Sticky))
                    errors.Add($"{key}.sticky: unknown '{r.Sticky}' (known: {string.Join(", ", SplitRoutingStrategy.StickyModes)})");
                break;
        }
        if (r.Strategy == RoutingStrategies.Cascade) ValidateCascade(key, r, config, errors);
        if (r.Shadow is { } shadow)
        {
            if (!config.Models.ContainsKey(shadow.Model ?? "")) errors.Add($"{key}.shadow.model: '{shadow.Model}' is not a configured model");
            if (shadow.Share is < 0 or > 1) errors.Add($"{key}.shadow.share: must be between 0 and 1, got {shadow.Share}");
        }
        if (r.Privacy is { } privacy)
        {
            if (!PrivacyActions.All.Contains(privacy.Action))
                errors.Add($"{key}.privacy.action: '{privacy.Action}' is not an action (known: {string.Join(", ", PrivacyActions.All)})");
            foreach (var kind in privacy.Kinds ?? [])
                if (!SensitiveKinds.All.Contains(kind)) errors.Add($"{key}.privacy.kinds: unknown kind '{kind}' (known: {string.Join(", ", SensitiveKinds.All)})");
            if (privacy.Action == PrivacyActions.Private
                && !config.Models.Values.Any(m => m?.Tier is { } t && config.Tiers.TryGetValue(t, out var tier) && tier?.SelfHosted == true))
                errors.Add($"{key}.privacy.action: private needs a model in a tier with self_hosted: true");
        }
    }

    public static void ValidateTier(string name, TierConfig t, List<string> errors)
    {
        if (t.CostPriority is < 0 or > 1) errors.Add($"tiers.{name}.cost_priority: must be between 0 and 1, got {t.CostPriority}");
    }

    public static void ValidateQuality(ArbiterConfig config, List<string> errors)
    {
        foreach (var (task, table) in config.Quality ?? [])
        {
            if (table is null) { errors.Add($"quality.{task}: empty entry; give model: score pairs"); continue; }
            foreach (var (model, score) in table)
            {
                if (!config.Models.ContainsKey(model)) errors.Add($"quality.{task}.{model}: not a configured model");
                if (score is < 0 or > 1) errors.Add($"quality.{task}.{model}: must be between 0 and 1, got {score}");
            }
        }
    }

    private static void ValidateCascade(string key, RouteConfig r, ArbiterConfig config, List<string> errors)
    {
        foreach (var gate in r.Gates ?? [])
            if (!QualityGates.All.Contains(gate)) errors.Add($"{key}.gates: unknown gate '{gate}' (known: {string.Join(", ", QualityGates.All)})");
        var gates = r.Gates ?? QualityGates.Default;
        if (gates.Contains(QualityGates.Judge))
        {
            if (r.Judge is null) errors.Add($"{key}.judge: required when gates include judge; give model and min_score");
            else
            {
                if (!config.Models.ContainsKey(r.Judge.Model ?? "")) errors.Add($"{key}.judge.model: '{r.Judge.Model}' is not a configured model");
                if (r.Judge.MinScore is < 0 or > 1) errors.Add($"{key}.judge.min_score: must be between 0 and 1, got {r.Judge.MinScore}");
            }
        }
        if (gates.Contains(QualityGates.Scorer) && r.Scorer is not { Name.Length: > 0 })
            errors.Add($"{key}.scorer.name: required when gates include scorer");
        if (r.CostCapUsd is <= 0) errors.Add($"{key}.cost_cap_usd: must be positive, got {r.CostCapUsd}");
    }

    private static void ValidateRule(string key, RuleConfig rule, string route, ArbiterConfig config, List<string> errors)
    {
        if (rule is null) { errors.Add($"{key}: empty entry; give when and route"); return; }
        Target($"{key}.route", rule.Route, route, config, errors);
        if (rule.When?.Regex is { } pattern)
        {
            try { _ = new Regex(pattern, RegexOptions.None, ConfigDefaults.RuleRegexTimeout); }
            catch (ArgumentException ex) { errors.Add($"{key}.when.regex: not a valid regular expression: {ex.Message}"); }
        }
        if (rule.When is { MinPromptTokens: < 0 } or { MaxPromptTokens: < 0 }) errors.Add($"{key}.when: prompt token bounds must not be negative");
    }

    /// <summary>A rule's or arm's target: a model or another route, not the route itself.</summary>
    private static void Target(string key, string? target, string route, ArbiterConfig config, List<string> errors)
    {
        if (string.IsNullOrEmpty(target)) errors.Add($"{key}: required; give a route or model name");
        else if (target == route) errors.Add($"{key}: '{target}' is the route itself");
        else if (!config.Models.ContainsKey(target) && !config.Routes.ContainsKey(target))
            errors.Add($"{key}: '{target}' is neither a configured model nor a route");
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
