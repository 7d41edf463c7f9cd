namespace Arbiter.Core.Kpis;

/// <summary>What one drift evaluation changed: alerts newly raised and alerts that came back within their threshold.</summary>
public sealed record DriftChanges(IReadOnlyList<DriftAlert> Raised, IReadOnlyList<DriftAlert> Cleared);
