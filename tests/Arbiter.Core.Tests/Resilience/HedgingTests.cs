using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>Hedging: after the configured delay without a first byte, the next candidate starts too; the first answer wins, the other is cancelled.</summary>
public sealed class HedgingTests
{
    private static ResilienceConfig Hedging(double delayMs = 2000) => NoRetries() with { Hedging = new HedgingConfig { DelayMs = delayMs } };

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_FirstSilentPastDelay_NextCandidateStartedAndWins_FirstCancelled(bool stream)
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Hedging());
        h.Provider("a").Otherwise = Step.Hang;
        var start = h.Time.GetUtcNow();

        string? served;
        IReadOnlyList<Attempt> attempts;
        if (stream)
        {
            await using var outcome = await h.Open("m", "n");
            (served, attempts) = (outcome.Model?.Name, outcome.Attempts);
            Assert.Equal("from b", outcome.FirstChunk!.Choices[0].Delta.Content);
        }
        else
        {
            var outcome = await h.Complete(null, "m", "n");
            (served, attempts) = (outcome.Model?.Name, outcome.Attempts);
        }

        Assert.Equal("n", served);
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        var lost = Assert.Single(attempts, a => a.Model == "m");
        Assert.Equal("hedge_lost", lost.Error!.Code);
        Assert.Equal(0, h.Catalog["m"].Deployments[0].Load.InFlight);
    }

    [Fact]
    public async Task Complete_FirstAnswersWithinDelay_NoHedgeStarted()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Hedging());

        // No fake time passes, so the first answers well within the delay however slowly it runs.
        var outcome = await h.CompleteWithoutTime("m", "n");

        Assert.Equal("m", outcome.Model!.Name);
        Assert.Equal(0, h.Provider("b").Calls);
        Assert.Single(outcome.Attempts);
    }

    [Fact]
    public async Task Complete_HedgeAcrossDeploymentsOfOneModel_OtherDeploymentWins()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Deployed("a", "b") with { LoadBalancing = "least-busy" } }, Hedging());
        h.Provider("a").Otherwise = Step.Hang;

        var outcome = await h.Complete(null, "m");

        Assert.Equal("b", outcome.Deployment!.Name);
        Assert.Equal(1, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_FirstFailsFast_NextStartsWithoutWaitingForTheDelay()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Hedging(delayMs: 10_000));
        h.Provider("a").Otherwise = Step.Fail();
        var start = h.Time.GetUtcNow();

        // The clock stands still: a next candidate that waited for the 10 s delay would never start.
        var outcome = await h.CompleteWithoutTime("m", "n");

        Assert.Equal("n", outcome.Model!.Name);
        Assert.Equal(TimeSpan.Zero, h.Since(start));
        Assert.Equal(1, h.Provider("b").Calls);
    }

    [Fact]
    public async Task Complete_EveryCandidateFails_LastRealErrorReported()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Hedging(delayMs: 500));
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamError);
        h.Provider("b").Otherwise = Step.Fail(ErrorKind.UpstreamUnavailable);

        var outcome = await h.Complete(null, "m", "n");

        Assert.Null(outcome.Response);
        Assert.Contains(outcome.Error!.Kind, new[] { ErrorKind.UpstreamError, ErrorKind.UpstreamUnavailable });
        Assert.Equal((1, 1), (h.Provider("a").Calls, h.Provider("b").Calls));
    }
}
