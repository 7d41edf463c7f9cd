using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>Computes a window's KPIs through the <see cref="IKpiSource"/>, takes feedback, and evaluates drift on a schedule's call.</summary>
public sealed class KpiService(IRequestStore requests, IFeedbackStore feedback, IKpiSource source, DriftMonitor drift, TimeProvider time)
{
    /// <summary>KPIs computed in memory from the store's records.</summary>
    public KpiService(IRequestStore requests, IFeedbackStore feedback, KpiPricing pricing, DriftMonitor drift, TimeProvider time)
        : this(requests, feedback, new InMemoryKpiSource(requests, feedback, pricing), drift, time)
    {
    }

    public DriftMonitor Drift => drift;
    public TimeProvider Time => time;

    public async Task<KpiReport> ReportAsync(KpiWindow window, int buckets, int recent, CancellationToken cancellationToken)
    {
        var report = await source.ReportAsync(window, buckets, recent, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return report with { Alerts = drift.Active };
    }

    /// <summary>Compares the recent window with the baseline before it and updates the active alerts.</summary>
    public async Task<DriftChanges> EvaluateDriftAsync(DriftConfig config, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recentWindow = KpiWindow.Last(TimeSpan.FromMinutes(config.WindowMinutes), now);
        var baselineWindow = new KpiWindow(recentWindow.From - TimeSpan.FromMinutes(config.BaselineMinutes), recentWindow.From);
        // One bucket, no request list: only the groups are read.
        var recent = await source.ReportAsync(recentWindow, 1, 0, now, cancellationToken).ConfigureAwait(false);
        var baseline = await source.ReportAsync(baselineWindow, 1, 0, now, cancellationToken).ConfigureAwait(false);
        return drift.Update(DriftDetector.Detect(recent.Groups, baseline.Groups, config), now);
    }

    /// <summary>The request, if the log has it (feedback must name a known request).</summary>
    public async Task<RequestRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var found = await requests.QueryAsync(RequestQuery.ById(requestId), cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    public Task AddFeedbackAsync(QualityFeedback item, CancellationToken cancellationToken) => feedback.WriteAsync(item, cancellationToken);
}
