using Arbiter.Core.Accounting;
using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>What the KPIs read from one request record, worked out once.</summary>
public readonly record struct RequestFacts
{
    public required RequestRecord Record { get; init; }
    public bool Succeeded => Record.Status is >= 200 and < 300;
    /// <summary>The request's total spend (every attempt); null when unpriced (tokens used on a model without a price).</summary>
    public decimal? Cost { get; init; }
    /// <summary>The served tokens priced on the strongest model; null when that model is unknown or this request is unpriced.</summary>
    public decimal? StrongestCost { get; init; }
    public bool FellBack { get; init; }
    public bool Escalated => Record.Escalations > 0 || Record.Escalated == true;
    public double? Quality { get; init; }
    public string Tier { get; init; }

    public static RequestFacts Of(RequestRecord r, KpiPricing pricing, double? feedbackScore)
    {
        // A request that failed before any tokens were counted cost nothing we know of; tokens without a price are unpriced.
        var ok = r.Status is >= 200 and < 300;
        decimal? cost = r.CostUsd ?? (r.Usage is null && !ok ? 0m : null);
        decimal? strongest = cost is null || pricing.StrongestPrice is null ? null
            : r.Usage is null ? 0m : CostCalculator.Cost(r.Usage, pricing.StrongestPrice);
        return new RequestFacts
        {
            Record = r,
            Cost = cost,
            StrongestCost = strongest,
            FellBack = FellBackIn(r),
            Quality = feedbackScore ?? r.QualityScore,
            Tier = r.Tier ?? pricing.TierOf(r.ServedModel) ?? KpiDimensions.None,
        };
    }

    /// <summary>
    /// An attempt failed (or its deployment was skipped) and a later one for the same purpose went to another model or
    /// deployment. Retries of the same deployment are not fallbacks, nor is a failed judge call followed by the next
    /// cascade stage.
    /// </summary>
    public static bool FellBackIn(RequestRecord r) => FirstFellBack(r) >= 0;

    /// <summary>The index of the first attempt that <see cref="FellBackIn"/> counts as fallen back from, or -1.</summary>
    public static int FirstFellBack(RequestRecord r)
    {
        var attempts = r.Attempts;
        for (var i = 0; i < attempts.Count - 1; i++)
        {
            var failed = attempts[i];
            if (failed.Succeeded) continue;
            for (var j = i + 1; j < attempts.Count; j++)
            {
                var next = attempts[j];
                if (next.Purpose == failed.Purpose && (next.Model != failed.Model || next.Deployment != failed.Deployment)) return i;
            }
        }
        return -1;
    }

    public string KeyOf(string dimension) => dimension switch
    {
        KpiDimensions.Task => Record.TaskType ?? KpiDimensions.None,
        KpiDimensions.Model => Record.ServedModel ?? KpiDimensions.None,
        KpiDimensions.Route => Record.Route ?? Record.RequestedModel,
        KpiDimensions.Key => Record.KeyId ?? KpiDimensions.None,
        KpiDimensions.Tier => Tier,
        KpiDimensions.Mode => Record.Mode ?? KpiDimensions.SingleMode,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a KPI dimension"),
    };
}
