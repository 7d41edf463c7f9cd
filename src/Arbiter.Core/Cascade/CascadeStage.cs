namespace Arbiter.Core.Cascade;

/// <summary>
/// One stage of a cascade as it went: the model, whether its answer was returned, and why not. A stage either
/// <see cref="Failed"/> (no answer: the move to the next stage is a fallback) or answered and was rejected by a gate
/// (the move is an escalation); docs/observability.md defines both.
/// </summary>
public sealed record CascadeStage(string Model, bool Accepted, string? Why, decimal? CostUsd)
{
    /// <summary>The stage's call failed (an error, every deployment tried): no answer reached the gates.</summary>
    public bool Failed { get; init; }

    /// <summary>The stage answered and a gate turned the answer down.</summary>
    public bool Rejected => !Accepted && !Failed;
}
