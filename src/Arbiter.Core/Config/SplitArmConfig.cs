namespace Arbiter.Core.Config;

/// <summary>One arm of a <c>split</c> route: a route or model and its relative weight.</summary>
public sealed record SplitArmConfig
{
    /// <summary>Shown in the decision; defaults to the target's name.</summary>
    public string? Name { get; init; }
    /// <summary>A route or a model.</summary>
    public string Route { get; init; } = "";
    /// <summary>Relative weight (not necessarily summing to 100).</summary>
    public double Weight { get; init; } = 1;
}
