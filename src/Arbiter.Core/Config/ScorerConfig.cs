namespace Arbiter.Core.Config;

/// <summary>The <c>scorer</c> gate: a learned answer scorer registered under <see cref="Name"/>.</summary>
public sealed record ScorerConfig
{
    public string Name { get; init; } = "";
    public double MinScore { get; init; } = ConfigDefaults.ScorerMinScore;
}
