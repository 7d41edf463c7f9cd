using System.Diagnostics;
using System.Diagnostics.Metrics;
using Arbiter.Core.Kpis;
using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;
using G = Arbiter.Core.Telemetry.TelemetryNames.GenAi;
using A = Arbiter.Core.Telemetry.TelemetryNames.Arbiter;
using U = Arbiter.Core.Telemetry.TelemetryNames.Units;

namespace Arbiter.Core.Telemetry;

/// <summary>
/// The gateway's metrics, recorded from each request record as the request log drains it: off the request path,
/// so a scraped or exported metric costs a request nothing. Instruments nobody listens to are skipped.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly IReadOnlyDictionary<string, ModelTelemetryInfo> _models;
    private readonly Histogram<long> _tokens;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _timeToFirstChunk;
    private readonly Histogram<double> _requestDuration;
    private readonly Histogram<double> _overhead;
    private readonly Counter<long> _requests;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _unpriced;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _decisions;

    public GatewayMetrics(Meter meter, ArbiterConfig config, DriftMonitor drift)
    {
        _models = ModelTelemetryInfo.From(config);
        _tokens = meter.CreateHistogram(G.TokenUsageMetric, U.Tokens, "Number of input and output tokens used",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TelemetryNames.TokenBuckets });
        _duration = meter.CreateHistogram(G.OperationDurationMetric, U.Seconds, "GenAI operation duration (one upstream call)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        _timeToFirstChunk = meter.CreateHistogram(G.TimeToFirstChunkMetric, U.Seconds, "Time to the first chunk of a streamed answer",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        _requestDuration = meter.CreateHistogram(A.RequestDurationMetric, U.Seconds, "Whole request through the gateway, every attempt included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        _overhead = meter.CreateHistogram(A.OverheadMetric, U.Seconds, "Time spent in the gateway itself, upstream waiting excluded",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.OverheadBuckets });
        _requests = meter.CreateCounter<long>(A.RequestsMetric, U.Requests, "Requests by route, served model and outcome");
        _cost = meter.CreateCounter<double>(A.CostMetric, U.Usd, "Spend in USD of priced requests (unpriced ones are counted apart)");
        _unpriced = meter.CreateCounter<long>(A.UnpricedMetric, U.Requests, "Requests that used tokens of a model without a price");
        _fallbacks = meter.CreateCounter<long>(A.FallbacksMetric, U.Fallbacks, "Failed attempts after which another model or deployment was tried");
        _escalations = meter.CreateCounter<long>(A.EscalationsMetric, U.Escalations, "Cascade escalations to a stronger model");
        _decisions = meter.CreateCounter<long>(A.RoutingDecisionsMetric, U.Decisions, "Routing decisions by route, chosen model and task");
        meter.CreateObservableGauge(A.DriftAlertsMetric, () => Alerts(drift), U.Alerts, "Active drift alerts (1 per model or task and metric)");
    }

    public void Record(RequestRecord r)
    {
        var served = r.ServedModel is { } name ? Info(name) : null;
        var model = r.ServedModel ?? KpiDimensions.None;
        var route = r.Route ?? r.RequestedModel;
        var ok = r.Status is >= 200 and < 300;

        if (_duration.Enabled || _fallbacks.Enabled) RecordAttempts(r, ok);
        if (_tokens.Enabled && r.Usage is { } usage && served is not null)
        {
            var tags = ChatTags(served, served);
            tags.Add(G.TokenType, G.TokenTypeInput);
            _tokens.Record(usage.InputTokens, tags);
            tags[tags.Count - 1] = new(G.TokenType, G.TokenTypeOutput);
            _tokens.Record(usage.OutputTokens, tags);
        }
        if (_timeToFirstChunk.Enabled && r.TimeToFirstChunkMs is double ttfc && served is not null)
            _timeToFirstChunk.Record(ttfc / 1000, ChatTags(served, served));

        var outcome = new TagList { { A.Route, route }, { A.Model, model }, { A.Outcome, ok ? TelemetryNames.OutcomeSuccess : TelemetryNames.OutcomeError } };
        if (r.ErrorKind is { } kind) outcome.Add(TelemetryNames.ErrorType, kind.ToString());
        _requests.Add(1, outcome);
        _requestDuration.Record(r.LatencyMs / 1000, outcome);
        _overhead.Record(r.OverheadMs / 1000, new TagList { { A.Route, route } });

        var byModel = new TagList { { A.Route, route }, { A.Model, model } };
        if (r.CostUsd is decimal cost) _cost.Add((double)cost, byModel);
        else if (r.Usage is not null || ok) _unpriced.Add(1, byModel);
        if (r.Escalations is > 0 and var escalations) _escalations.Add(escalations, new TagList { { A.Route, route } });
        if (r.Route is not null && r.Attempts.Count > 0)
            _decisions.Add(1, new TagList { { A.Route, r.Route }, { A.Model, r.Attempts[0].Model }, { A.Task, r.TaskType ?? KpiDimensions.None } });
    }

    private void RecordAttempts(RequestRecord r, bool ok)
    {
        var attempts = r.Attempts;
        var before = 0.0;
        for (var i = 0; i < attempts.Count && _duration.Enabled; i++)
        {
            var a = attempts[i];
            if (a.Skipped is not null) continue; // a skipped deployment (open circuit, rate limit) made no call
            var info = Info(a.Model);
            var last = i == attempts.Count - 1;
            // A streamed attempt's duration stops at its first chunk; the served one lasted until the request ended.
            var seconds = last && ok && r.Stream ? Math.Max(a.Duration.TotalSeconds, r.LatencyMs / 1000 - before) : a.Duration.TotalSeconds;
            before += a.Duration.TotalSeconds;
            var tags = ChatTags(info, a.Succeeded ? info : null);
            tags.Add(A.Provider, a.Provider);
            if (a.Error is { } error) tags.Add(TelemetryNames.ErrorType, error.Kind.ToString());
            _duration.Record(seconds, tags);
        }
        if (!_fallbacks.Enabled || RequestFacts.FirstFellBack(r) is not (>= 0 and var first)) return;
        // One per request that fell back (retries of one deployment are not fallbacks), against the first failed call it fell back from.
        var from = attempts[first];
        _fallbacks.Add(1, new TagList { { A.Route, r.Route ?? r.RequestedModel }, { A.Model, from.Model }, { TelemetryNames.ErrorType, from.Error!.Kind.ToString() } });
    }

    private static TagList ChatTags(ModelTelemetryInfo request, ModelTelemetryInfo? response)
    {
        var tags = new TagList
        {
            { G.OperationName, G.OperationChat },
            { G.ProviderName, request.ProviderName },
            { G.RequestModel, request.UpstreamModel },
        };
        if (response is not null) tags.Add(G.ResponseModel, response.UpstreamModel);
        return tags;
    }

    private ModelTelemetryInfo Info(string model) =>
        _models.TryGetValue(model, out var info) ? info : new ModelTelemetryInfo(KpiDimensions.None, model, null);

    private static IEnumerable<Measurement<int>> Alerts(DriftMonitor drift)
    {
        foreach (var a in drift.Active)
            yield return new Measurement<int>(1, new KeyValuePair<string, object?>(A.DriftDimension, a.Dimension),
                new KeyValuePair<string, object?>(A.DriftKey, a.Key), new KeyValuePair<string, object?>(A.DriftMetric, a.Metric));
    }
}
