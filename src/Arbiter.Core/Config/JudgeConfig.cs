namespace Arbiter.Core.Config;

/// <summary>The <c>judge</c> gate: a model that scores a cascade stage's answer from 0 to 1.</summary>
public sealed record JudgeConfig
{
    public string Model { get; init; } = "";
    /// <summary>Answers scoring below this escalate.</summary>
    public double MinScore { get; init; } = ConfigDefaults.JudgeMinScore;
}
