namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>How much a set of answers disagree (0 = the same, 1 = nothing in common), how it was measured, and where they differ.</summary>
public sealed record Disagreement(double Score, string Method, IReadOnlyList<string> Differences);
