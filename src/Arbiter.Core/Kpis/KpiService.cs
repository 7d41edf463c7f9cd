using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>Reads a window's records and feedback from the stores and computes its KPIs; evaluates drift on a schedule's call.</summary>
public sealed class KpiService(IRequestStore requests, IFeedbackStore feedback, KpiPricing pricing, DriftMonitor drift, TimeProvider time)
{
    public DriftMonitor Drift => drift;
    public TimeProvider Time => time;

    public async Task<KpiReport> ReportAsync(KpiWindow window, int buckets, int recent, CancellationToken cancellationToken)
    {
        var records = await requests.QueryAsync(new RequestQuery { From = window.From, To = window.To }, cancellationToken).ConfigureAwait(false);
        // Feedback about a request in the window may come after the window has ended.
        var scores = await feedback.QueryAsync(window.From, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        var report = KpiCalculator.Compute(records, scores, pricing, window, time.GetUtcNow(), buckets, recent);
        return report with { Alerts = drift.Active };
    }

    /// <summary>Compares the recent window with the baseline before it and updates the active alerts.</summary>
    public async Task<DriftChanges> EvaluateDriftAsync(DriftConfig config, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recentWindow = KpiWindow.Last(TimeSpan.FromMinutes(config.WindowMinutes), now);
        var baselineWindow = new KpiWindow(recentWindow.From - TimeSpan.FromMinutes(config.BaselineMinutes), recentWindow.From);
        var records = await requests.QueryAsync(new RequestQuery { From = baselineWindow.From, To = now }, cancellationToken).ConfigureAwait(false);
        var scores = await feedback.QueryAsync(baselineWindow.From, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        var recent = KpiCalculator.Facts(records, scores, pricing, recentWindow);
        var baseline = KpiCalculator.Facts(records, scores, pricing, baselineWindow);
        return drift.Update(DriftDetector.Detect(recent, baseline, config), now);
    }

    /// <summary>The request, if the log has it (feedback must name a known request).</summary>
    public async Task<RequestRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var found = await requests.QueryAsync(RequestQuery.ById(requestId), cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    public Task AddFeedbackAsync(QualityFeedback item, CancellationToken cancellationToken) => feedback.WriteAsync(item, cancellationToken);
}
