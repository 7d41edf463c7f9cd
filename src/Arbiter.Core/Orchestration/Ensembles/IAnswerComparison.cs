namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>One way of comparing answers; chosen by <see cref="Name"/> under <c>ensembles.NAME.comparison</c>.</summary>
public interface IAnswerComparison
{
    /// <summary>One of <see cref="AnswerComparisons"/>.</summary>
    string Name { get; }

    /// <summary>Mean pairwise disagreement of the answers, with a short list of where they differ.</summary>
    Disagreement Compare(IReadOnlyList<string> answers);

    /// <summary>A normal form of one answer: answers a vote counts as the same have the same form.</summary>
    string Canonical(string answer);
}
