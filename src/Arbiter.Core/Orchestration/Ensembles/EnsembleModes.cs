namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>The names of the ensemble modes, as written under <c>ensembles.NAME.mode</c>.</summary>
public static class EnsembleModes
{
    /// <summary>The first good answer wins; the other calls are cancelled.</summary>
    public const string FirstGood = "first_good";
    /// <summary>Every answer is returned, one choice each.</summary>
    public const string All = "all";
    /// <summary>The answer most members gave (normalised text or JSON) wins; for short or structured answers.</summary>
    public const string Vote = "vote";
    /// <summary>A judge model picks the best answer.</summary>
    public const string Judge = "judge";

    public static readonly IReadOnlyList<string> Known = [FirstGood, All, Vote, Judge];
}
