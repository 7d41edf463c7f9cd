using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>
/// KPIs computed in the gateway from the window's records (<see cref="KpiCalculator"/>): for the in-memory request log,
/// which is bounded by its capacity, and for any store that can only hand records back (at most
/// <see cref="RequestQuery.DefaultLimit"/>, the newest).
/// </summary>
public sealed class InMemoryKpiSource(IRequestStore requests, IFeedbackStore feedback, KpiPricing pricing) : IKpiSource
{
    public async Task<KpiReport> ReportAsync(KpiWindow window, int buckets, int recent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = await requests.QueryAsync(new RequestQuery { From = window.From, To = window.To }, cancellationToken).ConfigureAwait(false);
        // Feedback about a request in the window may come after the window has ended.
        var scores = await feedback.QueryAsync(window.From, DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false);
        return KpiCalculator.Compute(records, scores, pricing, window, now, buckets, recent);
    }
}
