using System.Data.Common;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;

namespace Arbiter.Storage;

/// <summary>
/// One group's counts and sums from <see cref="KpiSql.Aggregates"/>, and its percentiles, turned into
/// <see cref="KpiFigures"/> by the same definitions as <see cref="KpiAccumulator"/>. The strongest-model cost prices the
/// summed tokens (cost is linear in tokens, so the sum of the requests' prices is the price of their sum), split by the
/// long-context tier each request fell in.
/// </summary>
internal sealed class KpiSums
{
    private long _requests, _succeeded, _unpriced, _succeededPriced, _fellBack, _escalated, _qualitySamples, _compared, _disagreed;
    private decimal _costNano, _fanOutNano;
    private double _qualitySum, _disagreementSum;
    private readonly long[] _tokens = new long[8];
    private long _ttfbCount, _latencySeen, _ttfbSeen;

    public double? LatencyP50 { get; private set; }
    public double? LatencyP95 { get; private set; }
    public double? TtfbP50 { get; private set; }
    public double? TtfbP95 { get; private set; }

    /// <summary>Reads the row's aggregate columns, starting at <paramref name="first"/> (COUNT(*)).</summary>
    public static KpiSums Read(DbDataReader r, int first)
    {
        var s = new KpiSums
        {
            _requests = Sql.Long(r, first) ?? 0,
            _succeeded = Sql.Long(r, first + 1) ?? 0,
            _costNano = Sql.Decimal(r, first + 2),
            _unpriced = Sql.Long(r, first + 3) ?? 0,
            _succeededPriced = Sql.Long(r, first + 4) ?? 0,
            _fellBack = Sql.Long(r, first + 5) ?? 0,
            _escalated = Sql.Long(r, first + 6) ?? 0,
            _qualitySamples = Sql.Long(r, first + 7) ?? 0,
            _qualitySum = r.IsDBNull(first + 8) ? 0 : Convert.ToDouble(r.GetValue(first + 8)),
        };
        for (var i = 0; i < s._tokens.Length; i++) s._tokens[i] = Sql.Long(r, first + 9 + i) ?? 0;
        s._ttfbCount = Sql.Long(r, first + 17) ?? 0;
        // Models working together: compared answers, above the threshold, their disagreement, the redundant fan-out.
        s._compared = Sql.Long(r, first + 18) ?? 0;
        s._disagreed = Sql.Long(r, first + 19) ?? 0;
        s._disagreementSum = r.IsDBNull(first + 20) ? 0 : Convert.ToDouble(r.GetValue(first + 20));
        s._fanOutNano = Sql.Decimal(r, first + 21);
        return s;
    }

    /// <summary>
    /// The group's next successful latency (or TTFB) in ascending order: kept when its rank is the median's or the
    /// p95's among the group's count (<see cref="Percentile.Rank"/>, as in memory).
    /// </summary>
    public void Next(bool ttfb, double value)
    {
        if (ttfb)
        {
            var rank = ++_ttfbSeen;
            if (rank == Percentile.Rank(_ttfbCount, Percentile.Median)) TtfbP50 = value;
            if (rank == Percentile.Rank(_ttfbCount, Percentile.P95)) TtfbP95 = value;
        }
        else
        {
            var rank = ++_latencySeen;
            if (rank == Percentile.Rank(_succeeded, Percentile.Median)) LatencyP50 = value;
            if (rank == Percentile.Rank(_succeeded, Percentile.P95)) LatencyP95 = value;
        }
    }

    /// <param name="strongest">The strongest model's price; null when no model is priced.</param>
    public KpiFigures ToFigures(PriceConfig? strongest)
    {
        var cost = NanoUsd.ToUsd(_costNano);
        var priced = _requests - _unpriced;
        return new KpiFigures
        {
            Requests = _requests,
            Succeeded = _succeeded,
            CostUsd = cost,
            UnpricedRequests = _unpriced,
            CostPerSuccessUsd = _succeededPriced == 0 ? null : cost / _succeededPriced,
            StrongestModelCostUsd = strongest is null || priced == 0 ? null : StrongestCost(strongest),
            LatencyP50Ms = LatencyP50,
            LatencyP95Ms = LatencyP95,
            TtfbP50Ms = TtfbP50,
            TtfbP95Ms = TtfbP95,
            FallbackRate = _requests == 0 ? null : (double)_fellBack / _requests,
            EscalationRate = _requests == 0 ? null : (double)_escalated / _requests,
            Quality = _qualitySamples == 0 ? null : _qualitySum / _qualitySamples,
            QualitySamples = _qualitySamples,
            DisagreementRate = _compared == 0 ? null : (double)_disagreed / _compared,
            MeanDisagreement = _compared == 0 ? null : _disagreementSum / _compared,
            FanOutCostUsd = NanoUsd.ToUsd(_fanOutNano),
        };
    }

    /// <summary>The tier above which a request is priced at long-context rates (as <see cref="CostCalculator"/> decides); none: long.MaxValue.</summary>
    public static long LongContextAbove(PriceConfig? price) =>
        price?.LongContext is { Input: not null, Output: not null } tier ? tier.AboveInputTokens : long.MaxValue;

    private decimal StrongestCost(PriceConfig price)
    {
        var normal = CostCalculator.Cost(Usage(0), price with { LongContext = null }) ?? 0m;
        if (price.LongContext is not { Input: not null, Output: not null } tier) return normal;
        var longPrice = new PriceConfig { Input = tier.Input, Output = tier.Output, CachedInput = tier.CachedInput, CacheWrite = tier.CacheWrite };
        return normal + (CostCalculator.Cost(Usage(4), longPrice) ?? 0m);
    }

    private TokenUsage Usage(int at) => new()
    {
        InputTokens = _tokens[at] + _tokens[at + 1] + _tokens[at + 2],
        CachedInputTokens = _tokens[at + 1],
        CacheWriteTokens = _tokens[at + 2],
        OutputTokens = _tokens[at + 3],
    };
}
