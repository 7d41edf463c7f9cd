namespace Arbiter.Core.Kpis;

/// <summary>
/// Computes a window's KPI report where the request log lives: in memory from the records (<see cref="InMemoryKpiSource"/>),
/// or in the database with aggregates (Arbiter.Storage's SqlKpiSource), so memory does not grow with the log.
/// Both follow the definitions in docs/observability.md and give the same figures for the same log.
/// </summary>
public interface IKpiSource
{
    /// <param name="buckets">Time-series steps (1 or more).</param>
    /// <param name="recent">How many of the latest requests to list (0: none).</param>
    Task<KpiReport> ReportAsync(KpiWindow window, int buckets, int recent, DateTimeOffset now, CancellationToken cancellationToken);
}
