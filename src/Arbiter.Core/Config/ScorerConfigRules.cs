using Arbiter.Core.Cascade;

namespace Arbiter.Core.Config;

/// <summary>Checks <c>scorers:</c> and that every cascade route's <c>scorer.name</c> names one of them.</summary>
internal static class ScorerConfigRules
{
    public static void Validate(ArbiterConfig config, List<string> errors)
    {
        var scorers = config.Scorers ?? [];
        foreach (var (name, s) in scorers)
        {
            var key = $"scorers.{name}";
            if (s is null) { errors.Add($"{key}: empty entry; give type and model_dir"); continue; }
            if (!AnswerScorerTypes.All.Contains(s.Type)) errors.Add($"{key}.type: unknown scorer type '{s.Type}' (known: {string.Join(", ", AnswerScorerTypes.All)})");
            else if (s.Type == AnswerScorerTypes.Learned && string.IsNullOrWhiteSpace(s.ModelDir))
                errors.Add($"{key}.model_dir: required for type learned (a directory written by `arbiter router train-scorer`)");
        }
        foreach (var (route, r) in config.Routes ?? [])
        {
            if (r?.Scorer is not { Name.Length: > 0 } scorer) continue;
            if (!scorers.ContainsKey(scorer.Name))
                errors.Add($"routes.{route}.scorer.name: '{scorer.Name}' is not a configured scorer (configured: {(scorers.Count == 0 ? "none; add it under scorers:" : string.Join(", ", scorers.Keys))})");
            if (scorer.MinScore is < 0 or > 1) errors.Add($"routes.{route}.scorer.min_score: must be between 0 and 1, got {scorer.MinScore}");
        }
    }
}
