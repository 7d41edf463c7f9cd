namespace Arbiter.Core.Kpis;

/// <summary>Adds up requests into one <see cref="KpiFigures"/>.</summary>
public sealed class KpiAccumulator
{
    private readonly List<double> _latencies = [];
    private readonly List<double> _ttfb = [];
    private long _requests, _succeeded, _succeededPriced, _unpriced, _fellBack, _escalated, _qualitySamples;
    private decimal _cost, _strongest;
    private bool _strongestKnown = true;
    private double _qualitySum;
    private long _compared, _disagreed;
    private double _disagreementSum;
    private decimal _fanOut;

    public void Add(in RequestFacts f)
    {
        _requests++;
        if (f.Cost is decimal cost)
        {
            _cost += cost;
            if (f.StrongestCost is decimal s) _strongest += s; else _strongestKnown = false;
            if (f.Succeeded) _succeededPriced++;
        }
        else _unpriced++;
        if (f.Succeeded)
        {
            _succeeded++;
            _latencies.Add(f.Record.LatencyMs);
            if (f.Record.TimeToFirstChunkMs is double t) _ttfb.Add(t);
        }
        if (f.FellBack) _fellBack++;
        if (f.Escalated) _escalated++;
        if (f.Record.Disagreement is double d)
        {
            _compared++;
            _disagreementSum += d;
            if (f.Record.Orchestration?.DisagreementAboveThreshold == true) _disagreed++;
        }
        _fanOut += f.Record.FanOutCostUsd ?? 0;
        if (f.Quality is double q)
        {
            _qualitySum += q;
            _qualitySamples++;
        }
    }

    public KpiFigures ToFigures()
    {
        _latencies.Sort();
        _ttfb.Sort();
        var priced = _requests - _unpriced;
        return new KpiFigures
        {
            Requests = _requests,
            Succeeded = _succeeded,
            CostUsd = _cost,
            UnpricedRequests = _unpriced,
            CostPerSuccessUsd = _succeededPriced == 0 ? null : _cost / _succeededPriced,
            StrongestModelCostUsd = _strongestKnown && priced > 0 ? _strongest : null,
            LatencyP50Ms = Percentile.Of(_latencies, Percentile.Median),
            LatencyP95Ms = Percentile.Of(_latencies, Percentile.P95),
            TtfbP50Ms = Percentile.Of(_ttfb, Percentile.Median),
            TtfbP95Ms = Percentile.Of(_ttfb, Percentile.P95),
            FallbackRate = _requests == 0 ? null : (double)_fellBack / _requests,
            EscalationRate = _requests == 0 ? null : (double)_escalated / _requests,
            Quality = _qualitySamples == 0 ? null : _qualitySum / _qualitySamples,
            QualitySamples = _qualitySamples,
            DisagreementRate = _compared == 0 ? null : (double)_disagreed / _compared,
            MeanDisagreement = _compared == 0 ? null : _disagreementSum / _compared,
            FanOutCostUsd = _fanOut,
        };
    }
}
