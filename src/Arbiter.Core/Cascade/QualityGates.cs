namespace Arbiter.Core.Cascade;

/// <summary>The names of the built-in quality gates, as written under <c>routes.NAME.gates</c>.</summary>
public static class QualityGates
{
    /// <summary>The answer is empty, or a refusal.</summary>
    public const string Empty = "empty";
    /// <summary>The answer was cut off (finish_reason length).</summary>
    public const string Truncation = "truncation";
    /// <summary>JSON was asked for and the answer is not JSON, or does not match the schema.</summary>
    public const string Json = "json";
    /// <summary>A judge model scores the answer below <c>judge.min_score</c>.</summary>
    public const string Judge = "judge";
    /// <summary>A learned answer scorer scores the answer below <c>scorer.min_score</c>.</summary>
    public const string Scorer = "scorer";

    public static readonly IReadOnlyList<string> All = [Empty, Truncation, Json, Judge, Scorer];

    /// <summary>The gates a cascade runs when its route names none.</summary>
    public static readonly IReadOnlyList<string> Default = [Empty, Truncation, Json];
}
