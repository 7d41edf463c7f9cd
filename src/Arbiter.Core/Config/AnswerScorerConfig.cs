using Arbiter.Core.Cascade;

namespace Arbiter.Core.Config;

/// <summary>
/// One entry of <c>scorers:</c>: a learned answer scorer that cascade routes name in <c>scorer.name</c>. The
/// gateway loads every configured scorer at start-up.
/// </summary>
public sealed record AnswerScorerConfig
{
    /// <summary>The scorer implementation (<see cref="AnswerScorerTypes"/>); default <c>learned</c>.</summary>
    public string Type { get; init; } = AnswerScorerTypes.Learned;
    /// <summary>Type <c>learned</c>: the directory written by <c>arbiter router train-scorer</c> (relative to the working directory).</summary>
    public string? ModelDir { get; init; }
}
