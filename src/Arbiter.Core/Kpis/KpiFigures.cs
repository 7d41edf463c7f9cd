namespace Arbiter.Core.Kpis;

/// <summary>
/// The KPIs of one set of requests (a whole window, a group, or a time bucket). Definitions in docs/observability.md.
/// Money is USD over priced requests only; unpriced requests are counted in <see cref="UnpricedRequests"/>, never as $0.
/// </summary>
public sealed record KpiFigures
{
    public long Requests { get; init; }
    public long Succeeded { get; init; }
    public long Failed => Requests - Succeeded;
    public double? SuccessRate => Requests == 0 ? null : (double)Succeeded / Requests;
    /// <summary>Spend of every priced request, failed ones and every fallback and cascade step included.</summary>
    public decimal CostUsd { get; init; }
    public long UnpricedRequests { get; init; }
    /// <summary><see cref="CostUsd"/> over the successful priced requests; null without one.</summary>
    public decimal? CostPerSuccessUsd { get; init; }
    /// <summary>The same priced requests' tokens priced on the strongest configured model; null when no model is priced.</summary>
    public decimal? StrongestModelCostUsd { get; init; }
    public decimal? SavingsUsd => StrongestModelCostUsd - CostUsd;
    /// <summary>Savings as a share of the strongest-model cost (0.8 = 80% cheaper).</summary>
    public double? SavingsRate => StrongestModelCostUsd is > 0m and var b ? (double)((b - CostUsd) / b) : null;
    public double? LatencyP50Ms { get; init; }
    public double? LatencyP95Ms { get; init; }
    /// <summary>Time to first byte of streamed answers (the first chunk reaching the client).</summary>
    public double? TtfbP50Ms { get; init; }
    public double? TtfbP95Ms { get; init; }
    /// <summary>Share of requests where an attempt failed and another model or deployment was tried.</summary>
    public double? FallbackRate { get; init; }
    /// <summary>Share of requests a cascade escalated to a stronger model.</summary>
    public double? EscalationRate { get; init; }
    /// <summary>Mean quality (0 to 1): application feedback where given, otherwise the gate's or judge's score.</summary>
    public double? Quality { get; init; }
    public long QualitySamples { get; init; }
    /// <summary>Models working together: share of requests whose answers were compared that disagreed above their threshold.</summary>
    public double? DisagreementRate { get; init; }
    /// <summary>Models working together: mean disagreement (0 to 1) of the requests whose answers were compared.</summary>
    public double? MeanDisagreement { get; init; }
    /// <summary>Models working together: USD spent on calls whose answers were not returned (redundant fan-out), within <see cref="CostUsd"/>.</summary>
    public decimal FanOutCostUsd { get; init; }
}
