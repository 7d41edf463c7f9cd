namespace Arbiter.Core.Cascade;

/// <summary>The <c>type</c> values of a configured answer scorer (<c>scorers.NAME.type</c>).</summary>
public static class AnswerScorerTypes
{
    /// <summary>An ML.NET classifier over question and answer text, trained with <c>arbiter router train-scorer</c>.</summary>
    public const string Learned = "learned";

    public static readonly IReadOnlyList<string> All = [Learned];
}
