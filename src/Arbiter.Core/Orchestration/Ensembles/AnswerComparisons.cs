namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>The names of the ways answers are compared, as written under <c>ensembles.NAME.comparison</c>.</summary>
public static class AnswerComparisons
{
    /// <summary>JSON field by field when every answer is JSON, else text.</summary>
    public const string Auto = "auto";
    /// <summary>Normalised word shingles (Jaccard).</summary>
    public const string Text = "text";
    /// <summary>Leaf fields (path and value) of JSON answers.</summary>
    public const string Json = "json";

    public static readonly IReadOnlyList<string> Known = [Auto, Text, Json];
}
