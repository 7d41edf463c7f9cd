namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>Field by field when every answer is JSON (structured outputs), else as text.</summary>
public sealed class AutoComparison(TextComparison text, JsonComparison json) : IAnswerComparison
{
    public string Name => AnswerComparisons.Auto;

    public Disagreement Compare(IReadOnlyList<string> answers) => Pick(answers).Compare(answers);

    public string Canonical(string answer) => (JsonComparison.IsJson(answer) ? (IAnswerComparison)json : text).Canonical(answer);

    private IAnswerComparison Pick(IReadOnlyList<string> answers) =>
        answers.Count > 0 && answers.All(JsonComparison.IsJson) ? json : text;
}
