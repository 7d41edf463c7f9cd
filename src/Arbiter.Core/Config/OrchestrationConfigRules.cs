using System.Text.Json;
using System.Text.RegularExpressions;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Core.Orchestration.Ensembles;
using Arbiter.Core.Orchestration.Workers;

namespace Arbiter.Core.Config;

/// <summary>Checks the sections of models working together: ensembles, chains, orchestrators, sessions.</summary>
internal static class OrchestrationConfigRules
{
    public static void Validate(ArbiterConfig c, List<string> errors)
    {
        foreach (var (name, e) in c.Ensembles ?? []) ValidateEnsemble(name, e, c, errors);
        foreach (var (name, chain) in c.Chains ?? []) ValidateChain(name, chain, c, errors);
        foreach (var (name, o) in c.Orchestrators ?? []) ValidateOrchestrator(name, o, c, errors);
        if (c.Sessions is { } s)
        {
            Target(s.Model, "sessions.model", c, errors, optional: true);
            if (s.MaxConflictRetries < 0) errors.Add($"sessions.max_conflict_retries: must not be negative, got {s.MaxConflictRetries}");
            foreach (var path in s.ReadOnlyPaths ?? [])
                if (path is null || !path.StartsWith('/')) errors.Add($"sessions.read_only_paths: '{path}' is not a JSON pointer (starts with /)");
        }
    }

    private static void ValidateEnsemble(string name, EnsembleConfig? e, ArbiterConfig c, List<string> errors)
    {
        var key = $"ensembles.{name}";
        if (e is null) { errors.Add($"{key}: empty entry; give at least members"); return; }
        if (e.Members is not { Count: >= 2 }) errors.Add($"{key}.members: give at least two models or routes");
        for (var i = 0; i < (e.Members?.Count ?? 0); i++) Target(e.Members![i], $"{key}.members[{i}]", c, errors);
        if (!EnsembleModes.Known.Contains(e.Mode)) errors.Add($"{key}.mode: unknown mode '{e.Mode}' (known: {string.Join(", ", EnsembleModes.Known)})");
        if (!AnswerComparisons.Known.Contains(e.Comparison)) errors.Add($"{key}.comparison: unknown comparison '{e.Comparison}' (known: {string.Join(", ", AnswerComparisons.Known)})");
        if (e.Threshold is < 0 or > 1) errors.Add($"{key}.threshold: must be between 0 and 1, got {e.Threshold}");
        Target(e.Supervisor, $"{key}.supervisor", c, errors, optional: true);
        if (e.Mode == EnsembleModes.Judge && string.IsNullOrEmpty(e.Judge)) errors.Add($"{key}.judge: required for mode judge");
        Target(e.Judge, $"{key}.judge", c, errors, optional: true);
        if (e.MaxCostUsd is <= 0) errors.Add($"{key}.max_cost_usd: must be positive, got {e.MaxCostUsd}");
    }

    private static void ValidateChain(string name, ChainConfig? chain, ArbiterConfig c, List<string> errors)
    {
        var key = $"chains.{name}";
        if (chain is null || chain.Steps is not { Count: > 0 }) { errors.Add($"{key}.steps: give at least one step"); return; }
        if (chain.MaxCostUsd is <= 0) errors.Add($"{key}.max_cost_usd: must be positive, got {chain.MaxCostUsd}");
        if (chain.MaxLatencyMs is <= 0) errors.Add($"{key}.max_latency_ms: must be positive, got {chain.MaxLatencyMs}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Steps.Count; i++)
        {
            var step = chain.Steps[i];
            var at = $"{key}.steps[{i}]";
            if (step is null) { errors.Add($"{at}: empty entry; give name, model or route, and prompt"); continue; }
            if (string.IsNullOrWhiteSpace(step.Name)) errors.Add($"{at}.name: required");
            else if (!seen.Add(step.Name)) errors.Add($"{at}.name: '{step.Name}' is used by an earlier step");
            if ((step.Model is null) == (step.Route is null)) errors.Add($"{at}: give exactly one of model and route");
            Target(step.Model ?? step.Route, step.Model is not null ? $"{at}.model" : $"{at}.route", c, errors, optional: true);
            if (string.IsNullOrWhiteSpace(step.Prompt)) errors.Add($"{at}.prompt: required");
            foreach (var reference in ChainTemplate.StepReferences(step.Prompt + "\n" + step.System))
                if (!seen.Contains(reference) || reference == step.Name)
                    errors.Add($"{at}.prompt: refers to step '{reference}', which does not come before this one");
            Json(step.ResponseSchema, $"{at}.response_schema", errors);
            if (step.MaxTokens is <= 0) errors.Add($"{at}.max_tokens: must be positive, got {step.MaxTokens}");
            for (var j = 0; j < (step.EscalateTo?.Count ?? 0); j++) Target(step.EscalateTo![j], $"{at}.escalate_to[{j}]", c, errors);
            if (step.Validate is { } v) ValidateValidator(v, $"{at}.validate", c, errors);
        }
    }

    private static void ValidateValidator(StepValidatorConfig v, string key, ArbiterConfig c, List<string> errors)
    {
        if (!StepValidators.Known.Contains(v.Type)) { errors.Add($"{key}.type: unknown validator '{v.Type}' (known: {string.Join(", ", StepValidators.Known)})"); return; }
        if (v.Type == StepValidators.JsonSchema)
        {
            if (string.IsNullOrWhiteSpace(v.Schema)) errors.Add($"{key}.schema: required for json_schema (the schema as JSON text)");
            else Json(v.Schema, $"{key}.schema", errors);
        }
        if (v.Type == StepValidators.Regex)
        {
            if (string.IsNullOrEmpty(v.Pattern)) errors.Add($"{key}.pattern: required for regex");
            else
            {
                try { _ = new Regex(v.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); }
                catch (ArgumentException ex) { errors.Add($"{key}.pattern: not a valid regular expression: {ex.Message}"); }
            }
        }
        if (v.Type == StepValidators.Judge)
        {
            if (string.IsNullOrEmpty(v.Judge)) errors.Add($"{key}.judge: required for judge");
            else Target(v.Judge, $"{key}.judge", c, errors);
        }
        if (v.MinScore is < 0 or > 1) errors.Add($"{key}.min_score: must be between 0 and 1, got {v.MinScore}");
    }

    private static void ValidateOrchestrator(string name, OrchestratorConfig? o, ArbiterConfig c, List<string> errors)
    {
        var key = $"orchestrators.{name}";
        if (o is null) { errors.Add($"{key}: empty entry; give at least model"); return; }
        if (string.IsNullOrEmpty(o.Model)) errors.Add($"{key}.model: required");
        else Target(o.Model, $"{key}.model", c, errors);
        Target(o.Workers, $"{key}.workers", c, errors, optional: true);
        if (o.MaxSubtasks is < 1 or > 16) errors.Add($"{key}.max_subtasks: must be between 1 and 16, got {o.MaxSubtasks}");
        if (o.MaxAttempts is < 1 or > 5) errors.Add($"{key}.max_attempts: must be between 1 and 5, got {o.MaxAttempts}");
        if (o.MaxCostUsd is <= 0) errors.Add($"{key}.max_cost_usd: must be positive, got {o.MaxCostUsd}");
        if (!IncompletePolicies.Known.Contains(o.OnIncomplete))
            errors.Add($"{key}.on_incomplete: unknown policy '{o.OnIncomplete}' (known: {string.Join(", ", IncompletePolicies.Known)})");
    }

    /// <summary>A model or route name that must exist.</summary>
    private static void Target(string? target, string key, ArbiterConfig c, List<string> errors, bool optional = false)
    {
        if (string.IsNullOrEmpty(target))
        {
            if (!optional) errors.Add($"{key}: empty; give a model or route name");
            return;
        }
        if (!(c.Models?.ContainsKey(target) ?? false) && !(c.Routes?.ContainsKey(target) ?? false))
            errors.Add($"{key}: '{target}' is neither a configured model nor a route");
    }

    private static void Json(string? text, string key, List<string> errors)
    {
        if (text is null) return;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) errors.Add($"{key}: a JSON schema is a JSON object");
        }
        catch (JsonException ex) { errors.Add($"{key}: not valid JSON: {ex.Message}"); }
    }
}
