using Arbiter.Core.Config;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Tests.Routing;

public sealed class TierSelectorTests
{
    private readonly RoutingFixture _f = new();

    public static TheoryData<string?, string, string, string> Choices => new()
    {
        // task, tier, expected model, expected explanation
        { null, "fast", "mini", "cheapest meeting 0.85" },
        { "code", "fast", "small", "cheapest meeting 0.85" },          // mini measures 0.70 on code
        { null, "general", "mid", "cheapest meeting 0.92" },           // mid-cheap measures 0.91
        { "code", "general", "mid-cheap", "cheapest meeting 0.92" },   // both qualify on code: the cheaper
        { "translate", "general", "mid", "cheapest meeting 0.92" },    // unmeasured task: the default table
        { null, "deep", "big", "cheapest meeting 0.97" },
        { null, "private", "local", "cheapest in tier" },              // no bar: any model qualifies
    };

    [Theory, MemberData(nameof(Choices))]
    public void Select_QualityTable_CheapestModelMeetingTheBar(string? task, string tier, string expected, string explanation)
    {
        var choice = _f.Router.Tiers.Select(tier, task);

        Assert.True(choice.Met);
        Assert.Equal(expected, choice.Chosen!.Name);
        Assert.Equal(explanation, choice.Explanation);
        Assert.Equal($"tier:{tier} -> {expected} ({explanation})", choice.Reason);
    }

    [Fact]
    public void Select_CheapestTooSlow_NextQualifyingAndSaysWhy()
    {
        _f.Observe("mini", 1200);

        var choice = _f.Router.Tiers.Select("fast", null);

        Assert.Equal("small", choice.Chosen!.Name);
        Assert.Equal("cheapest meeting 0.85; mini skipped: p95 1200ms > 1000ms", choice.Explanation);
    }

    [Fact]
    public void Select_TooFewLatencySamples_LatencyUnknownSoStillChosen()
    {
        _f.Observe("mini", 5000, times: _f.Latency.MinSamples - 1);

        Assert.Equal("mini", _f.Router.Tiers.Select("fast", null).Chosen!.Name);
    }

    [Fact]
    public void Select_P95NotMean_OneSlowCallInTwentyDoesNotDisqualify()
    {
        _f.Observe("mini", 200, times: 19);
        _f.Observe("mini", 9000, times: 1);

        Assert.Equal("mini", _f.Router.Tiers.Select("fast", null).Chosen!.Name);
        Assert.Equal(200, _f.Latency.P95Ms("mini"));
    }

    [Fact]
    public void Select_NoModelMeetsTheBar_BestQualityNotMet()
    {
        _f.Observe("mini", 2000);
        _f.Observe("small", 2000);

        var choice = _f.Router.Tiers.Select("fast", null);

        Assert.False(choice.Met);
        Assert.Equal("small", choice.Chosen!.Name);
        Assert.StartsWith("none meets 0.85 within 1000ms; best quality", choice.Explanation);
    }

    [Fact]
    public void Select_UnknownTier_NoModels()
    {
        var choice = _f.Router.Tiers.Select("nope", null);

        Assert.Null(choice.Chosen);
        Assert.False(choice.Met);
    }

    [Theory]
    [InlineData(1.0, "cheap")]
    [InlineData(0.0, "best")]
    public void Select_CostPriority_TradesPriceAgainstQuality(double costPriority, string expected)
    {
        var f = new RoutingFixture($$"""
            providers: { p: { type: fake } }
            tiers: { t: { quality_bar: 0.5, cost_priority: {{costPriority.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } }
            models:
              cheap: { provider: p, tier: t, price: { input: 1, output: 1 } }
              best:  { provider: p, tier: t, price: { input: 10, output: 10 } }
            quality: { default: { cheap: 0.6, best: 0.99 } }
            """);

        Assert.Equal(expected, f.Router.Tiers.Select("t", null).Chosen!.Name);
    }

    [Fact]
    public void Select_UnpricedModel_SortsAfterPricedOnes()
    {
        var f = new RoutingFixture("""
            providers: { p: { type: fake } }
            tiers: { t: {} }
            models:
              a-unpriced: { provider: p, tier: t }
              b-priced:   { provider: p, tier: t, price: { input: 50, output: 50 } }
            """);

        var choice = f.Router.Tiers.Select("t", null);

        Assert.Equal(["b-priced", "a-unpriced"], choice.Qualifying.Select(m => m.Name));
    }

    [Fact]
    public void TierRoute_PlanHasOtherQualifyingModelsAsFallbacks()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("summarize"));

        Assert.Equal(["mini", "small"], plan.Candidates.Select(c => c.Name));
        Assert.Equal("tier:fast -> mini (cheapest meeting 0.85)", plan.Reason);
        Assert.Equal(RouteMode.Single, plan.Mode);
    }

    [Fact]
    public void TierRoute_FirstTierHasNoQualifyingModel_NextTier()
    {
        _f.Observe("mini", 3000);
        _f.Observe("small", 3000);

        var plan = _f.Router.Plan(RoutingFixture.Ask("summarize"));

        Assert.Equal("mid", plan.Candidates[0].Name);
        Assert.Equal("tier:general -> mid (cheapest meeting 0.92)", plan.Reason);
    }

    [Fact]
    public void CascadeRoute_OneStagePerTierCheapestAdequateFirst()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("auto"));

        Assert.Equal(RouteMode.Cascade, plan.Mode);
        Assert.Equal(["mini", "mid", "big"], plan.Candidates.Select(c => c.Name));
        Assert.Equal("cascade:auto -> mini > mid > big", plan.Reason);
        Assert.NotNull(plan.Settings);
    }

    [Fact]
    public void CascadeRoute_TaskChangesTheStages()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("task:review")); // no route of its own: auto, with the task's quality table

        Assert.Equal(["small", "mid-cheap", "big"], plan.Candidates.Select(c => c.Name));
    }

    [Fact]
    public void Validate_TierCostPriorityOutOfRange_NamesTheKey()
    {
        var config = ConfigLoader.Parse("""
            providers: { p: { type: fake } }
            tiers: { t: { cost_priority: 2 } }
            models: { m: { provider: p, tier: t } }
            quality: { default: { ghost: 0.5, m: 1.5 } }
            """);

        var errors = ConfigValidator.Validate(config, (_, _, _) => [], _ => null);

        Assert.Contains(errors, e => e.StartsWith("tiers.t.cost_priority:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("quality.default.ghost: not a configured model", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("quality.default.m: must be between 0 and 1", StringComparison.Ordinal));
    }
}
