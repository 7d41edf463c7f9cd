using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Microsoft.Extensions.Time.Testing;
using static Arbiter.Core.Tests.Kpis.KpiLog;

namespace Arbiter.Core.Tests.Kpis;

public class DriftTests
{
    private static readonly DriftConfig Config = new()
    {
        WindowMinutes = 10,
        BaselineMinutes = 60,
        MinRequests = 5,
        LatencyIncrease = 0.5,
        QualityDrop = 0.1,
        FallbackIncrease = 0.1,
    };

    /// <summary>A synthetic series: one request of "small" a minute, each with the given latency, quality and fallback.</summary>
    private sealed class Series
    {
        private readonly InMemoryRequestStore _store = new();
        private readonly InMemoryFeedbackStore _feedback = new();
        private int _n;
        public FakeTimeProvider Time { get; } = new(T0);
        public KpiService Service { get; }

        public Series() => Service = new KpiService(_store, _feedback, Pricing, new DriftMonitor(), Time);

        public async Task MinutesAsync(int minutes, double latency, double quality = 0.9, bool fallback = false)
        {
            for (var i = 0; i < minutes; i++)
            {
                var id = $"q{_n++}";
                var r = Record(id, 0, served: "small", latency: latency, attempts: fallback ? [Failed("big"), Ok("small")] : null, task: "chat")
                    with { StartedAt = Time.GetUtcNow() };
                await _store.WriteBatchAsync([r], default);
                await _feedback.WriteAsync(new QualityFeedback(id, quality, null, Time.GetUtcNow()), default);
                Time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        public Task<DriftChanges> EvaluateAsync() => Service.EvaluateDriftAsync(Config, default);
    }

    [Fact]
    public async Task EvaluateDrift_SteadySeries_RaisesNothing()
    {
        var s = new Series();
        await s.MinutesAsync(70, latency: 100);
        var changes = await s.EvaluateAsync();
        Assert.Empty(changes.Raised);
        Assert.Empty(s.Service.Drift.Active);
    }

    [Fact]
    public async Task EvaluateDrift_LatencyDoublesThenRecovers_RaisedOnceThenCleared()
    {
        var s = new Series();
        await s.MinutesAsync(60, latency: 100);
        await s.MinutesAsync(10, latency: 200);

        var raised = await s.EvaluateAsync();
        Assert.Equal(2, raised.Raised.Count); // the model and its task type
        var alert = Assert.Single(raised.Raised, a => a.Dimension == KpiDimensions.Model);
        Assert.Equal((KpiDimensions.Model, "small", DriftMetrics.LatencyP95), (alert.Dimension, alert.Key, alert.Metric));
        Assert.Equal(100, alert.Baseline);
        Assert.Equal(200, alert.Current);
        Assert.Equal(s.Time.GetUtcNow(), alert.Since);
        Assert.Contains(s.Service.Drift.Active, a => a.Dimension == KpiDimensions.Task && a.Key == "chat" && a.Metric == DriftMetrics.LatencyP95);

        // Still slow a minute later: the alert stays, and is not raised again.
        await s.MinutesAsync(1, latency: 200);
        var still = await s.EvaluateAsync();
        Assert.Empty(still.Raised);
        Assert.Equal(alert.Since, s.Service.Drift.Active.Single(a => a.Id == alert.Id).Since);

        // Back to normal for a whole recent window: cleared.
        await s.MinutesAsync(10, latency: 100);
        var cleared = await s.EvaluateAsync();
        Assert.Contains(cleared.Cleared, a => a.Id == alert.Id);
        Assert.Empty(s.Service.Drift.Active);
    }

    [Fact]
    public async Task EvaluateDrift_QualityDropsAndFallbacksRise_BothRaised()
    {
        var s = new Series();
        await s.MinutesAsync(60, latency: 100, quality: 0.9);
        await s.MinutesAsync(10, latency: 100, quality: 0.6, fallback: true);
        var changes = await s.EvaluateAsync();
        var metrics = changes.Raised.Where(a => a.Dimension == KpiDimensions.Model).Select(a => a.Metric).Order().ToList();
        Assert.Equal([DriftMetrics.FallbackRate, DriftMetrics.Quality], metrics);
    }

    [Fact]
    public async Task EvaluateDrift_TooFewRequests_NoVerdict()
    {
        var s = new Series();
        await s.MinutesAsync(60, latency: 100);
        await s.MinutesAsync(4, latency: 1000); // fewer than min_requests in the recent window
        s.Time.Advance(TimeSpan.FromMinutes(6));
        var changes = await s.EvaluateAsync();
        Assert.Empty(changes.Raised);
    }
}
