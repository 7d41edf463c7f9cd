namespace Arbiter.Core.Kpis;

/// <summary>Everything /admin/kpis answers: the window's KPIs in total, by each dimension, over time, the drift alerts and the latest requests.</summary>
public sealed record KpiReport
{
    public required DateTimeOffset GeneratedAt { get; init; }
    public required KpiWindow Window { get; init; }
    /// <summary>The most expensive priced model: the savings baseline. Null when no model has a price.</summary>
    public string? StrongestModel { get; init; }
    public required KpiFigures Totals { get; init; }
    /// <summary>Per dimension name (<see cref="KpiDimensions"/>), its groups, most requests first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<KpiGroup>> Groups { get; init; }
    /// <summary>The length of each <see cref="Series"/> step in seconds.</summary>
    public required double BucketSeconds { get; init; }
    public required IReadOnlyList<KpiBucket> Series { get; init; }
    public IReadOnlyList<DriftAlert> Alerts { get; init; } = [];
    public required IReadOnlyList<RecentRequest> Recent { get; init; }
}
