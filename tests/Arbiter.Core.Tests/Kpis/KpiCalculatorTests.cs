using Arbiter.Core.Execution;
using Arbiter.Core.Kpis;
using static Arbiter.Core.Tests.Kpis.KpiLog;

namespace Arbiter.Core.Tests.Kpis;

public class KpiCalculatorTests
{
    private static KpiReport Report(int buckets = 4) => KpiCalculator.Compute(Requests(), Feedback(), Pricing, Hour, Hour.To, buckets);

    [Fact]
    public void Compute_KnownLog_CountsOnlyTheWindowsRequests()
    {
        var t = Report().Totals;
        Assert.Equal(5, t.Requests);
        Assert.Equal(4, t.Succeeded);
        Assert.Equal(1, t.Failed);
    }

    [Fact]
    public void Compute_KnownLog_CostPerSuccessIncludesFailedAndCascadeCostsAndLeavesUnpricedOut()
    {
        var t = Report().Totals;
        // 0.002 + 0.05 + 0 (r3 paid nothing) + 0.044 (both cascade steps); r5 is unpriced, never $0.
        Assert.Equal(0.096m, t.CostUsd);
        Assert.Equal(1, t.UnpricedRequests);
        // Over the three successful priced requests (r1, r2, r4).
        Assert.Equal(0.032m, t.CostPerSuccessUsd);
    }

    [Fact]
    public void Compute_KnownLog_PricesTheSameTokensOnTheStrongestModelForSavings()
    {
        var report = Report();
        var t = report.Totals;
        Assert.Equal("big", report.StrongestModel);
        // r1 1000 in/500 out on big = 0.025; r2 0.05; r3 no tokens = 0; r4 1000/1000 = 0.04. r5 is unpriced, left out of both sides.
        Assert.Equal(0.115m, t.StrongestModelCostUsd);
        Assert.Equal(0.019m, t.SavingsUsd);
        Assert.Equal((double)(0.019m / 0.115m), t.SavingsRate!.Value, 9);
    }

    [Fact]
    public void Compute_KnownLog_LatencyPercentilesAreOverSuccessesByNearestRank()
    {
        var t = Report().Totals;
        // Successful latencies sorted: 50, 100, 300, 400 (r3's 200 failed).
        Assert.Equal(100, t.LatencyP50Ms);
        Assert.Equal(400, t.LatencyP95Ms);
        Assert.Equal(50, t.TtfbP50Ms);
        Assert.Equal(50, t.TtfbP95Ms);
    }

    [Fact]
    public void Compute_KnownLog_FallbackAndEscalationRates()
    {
        var t = Report().Totals;
        Assert.Equal(0.4, t.FallbackRate); // r2 and r3 tried another model after a failure
        Assert.Equal(0.2, t.EscalationRate); // r4
    }

    [Fact]
    public void Compute_KnownLog_QualityTakesLatestFeedbackOverJudgeScore()
    {
        var t = Report().Totals;
        Assert.Equal(2, t.QualitySamples);
        Assert.Equal(0.6, t.Quality!.Value, 9); // (0.5 + 0.7) / 2
    }

    [Fact]
    public void Compute_KnownLog_GroupsByModelWithUtilisationShares()
    {
        var byModel = Report().Groups[KpiDimensions.Model].ToDictionary(g => g.Key);
        Assert.Equal(["big", "(none)", "free", "small"], Report().Groups[KpiDimensions.Model].Select(g => g.Key));
        Assert.Equal(2, byModel["big"].Figures.Requests);
        Assert.Equal(0.4, byModel["big"].RequestShare);
        Assert.Equal((double)(0.094m / 0.096m), byModel["big"].CostShare!.Value, 9);
        Assert.Equal(0.025m, byModel["small"].Figures.StrongestModelCostUsd);
        Assert.Equal(1, byModel["free"].Figures.UnpricedRequests);
        Assert.Null(byModel["free"].Figures.CostPerSuccessUsd);
    }

    [Fact]
    public void Compute_KnownLog_GroupsByTaskAndTier()
    {
        var report = Report();
        var byTask = report.Groups[KpiDimensions.Task].ToDictionary(g => g.Key);
        Assert.Equal(3, byTask["summarize"].Figures.Requests);
        Assert.Equal(0.052m, byTask["summarize"].Figures.CostUsd);
        Assert.Equal(0.026m, byTask["summarize"].Figures.CostPerSuccessUsd);
        Assert.Equal(400, byTask["code"].Figures.LatencyP95Ms);
        var byTier = report.Groups[KpiDimensions.Tier].ToDictionary(g => g.Key);
        Assert.Equal(2, byTier["deep"].Figures.Requests);
        Assert.Equal(1, byTier["fast"].Figures.Requests);
        Assert.Equal(2, byTier[KpiDimensions.None].Figures.Requests); // r3 (no model served) and r5 (a model without a tier)
    }

    [Fact]
    public void Compute_FourBuckets_PutsEachRequestInItsQuarterHour()
    {
        var report = Report(buckets: 4);
        Assert.Equal(900, report.BucketSeconds);
        Assert.Equal([1L, 1, 2, 1], report.Series.Select(b => b.Figures.Requests));
        Assert.Equal(Hour.From.AddMinutes(30), report.Series[2].Start);
        Assert.Equal(0.044m, report.Series[2].Figures.CostUsd);
    }

    [Fact]
    public void Compute_KnownLog_RecentRequestsNewestFirstWithTheirAttempts()
    {
        var recent = Report().Recent;
        Assert.Equal(["r5", "r4", "r3", "r2", "r1"], recent.Select(r => r.RequestId));
        Assert.True(recent[0].Unpriced);
        Assert.Null(recent[0].CostUsd);
        var r2 = recent[3];
        Assert.True(r2.FellBack);
        Assert.Equal(["small", "big"], r2.Attempts.Select(a => a.Model));
        Assert.Equal("UpstreamError", r2.Attempts[0].Error);
        Assert.Null(r2.Attempts[1].Error);
    }

    [Fact]
    public void Compute_NoRequests_RatesAndCostPerSuccessAreNullNotZero()
    {
        var t = KpiCalculator.Compute([], [], Pricing, Hour, Hour.To).Totals;
        Assert.Equal(0, t.Requests);
        Assert.Null(t.CostPerSuccessUsd);
        Assert.Null(t.FallbackRate);
        Assert.Null(t.LatencyP95Ms);
        Assert.Null(t.StrongestModelCostUsd);
    }

    [Fact]
    public void Compute_NoPricedModel_HasNoStrongestBaseline()
    {
        var pricing = new KpiPricing(null, null, new Dictionary<string, string?>());
        var t = KpiCalculator.Compute(Requests(), [], pricing, Hour, Hour.To).Totals;
        Assert.Null(t.StrongestModelCostUsd);
        Assert.Null(t.SavingsUsd);
    }

    [Fact]
    public void Compute_ShadowCallRecords_LeftOutOfTheKpis()
    {
        var records = Requests();
        records.Add(Record("r1-shadow", 6, served: "big", usage: Usage(1000, 500), cost: 0.025m) with
        {
            Shadow = new Arbiter.Core.RequestLog.ShadowComparison { PrimaryRequestId = "r1", ShadowModel = "big" },
        });
        var t = KpiCalculator.Compute(records, Feedback(), Pricing, Hour, Hour.To).Totals;
        Assert.Equal(5, t.Requests);
        Assert.Equal(0.096m, t.CostUsd);
    }

    [Fact]
    public void FellBackIn_RetriesOfOneDeployment_NotAFallback()
    {
        var retried = Record("x", 1, served: "small", attempts: [Failed("small"), Ok("small") with { Retry = 1 }]);
        var otherDeployment = Record("y", 1, served: "small", attempts: [Failed("small") with { Deployment = "east" }, Ok("small") with { Deployment = "west" }]);
        var skipped = Record("z", 1, served: "big", attempts: [Failed("small") with { Skipped = "circuit_open" }, Ok("big")]);
        Assert.False(RequestFacts.FellBackIn(retried));
        Assert.True(RequestFacts.FellBackIn(otherDeployment));
        Assert.True(RequestFacts.FellBackIn(skipped));
    }

    [Fact]
    public void FellBackIn_FailedJudgeCallThenNextStage_NotAFallback_JudgeOnAnotherDeployment_IsOne()
    {
        var judgeFailed = Failed("judge") with { Purpose = AttemptPurposes.Judge };
        // Stage "small" answered, its judge failed (the gate passed), the scorer rejected, stage "big" answered.
        var nextStage = Record("x", 1, served: "big", attempts: [Ok("small"), judgeFailed, Ok("big")]);
        var judgeFellBack = Record("y", 1, served: "small", attempts: [Ok("small"), judgeFailed with { Deployment = "east" },
            Ok("judge") with { Deployment = "west", Purpose = AttemptPurposes.Judge }]);
        var stageFellBack = Record("z", 1, served: "big", attempts: [Failed("small"), judgeFailed, Ok("big")]);

        Assert.False(RequestFacts.FellBackIn(nextStage));
        Assert.True(RequestFacts.FellBackIn(judgeFellBack));
        Assert.Equal(1, RequestFacts.FirstFellBack(judgeFellBack));
        Assert.Equal(0, RequestFacts.FirstFellBack(stageFellBack));
    }
}
