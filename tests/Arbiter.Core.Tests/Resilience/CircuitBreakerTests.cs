using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>One breaker per deployment: an outage costs a few failed calls, then the deployment is skipped until a probe finds it back.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly CircuitBreakerConfig Breaker = new() { FailureRatio = 0.5, MinimumThroughput = 2, SamplingSeconds = 30, BreakSeconds = 30 };

    [Fact]
    public async Task Complete_SingleDeploymentOutage_CostsOneRequestThenSkippedUntilBreakEnds()
    {
        // Default retries: one retry for upstream_error, so the first request makes the two calls that open the circuit.
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") },
            new ResilienceConfig { Seed = 1, CircuitBreaker = Breaker, Retry = new RetryConfig { BaseDelayMs = 1 } });
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamError);

        var first = await h.Complete(null, "m", "n");
        var during = await h.Complete(null, "m", "n");
        var callsDuringBreak = h.Provider("a").Calls;

        Assert.Equal("n", first.Model!.Name);
        Assert.Equal(2, callsDuringBreak);
        Assert.Equal("n", during.Model!.Name);
        Assert.Equal(SkipReasons.CircuitOpen, during.Attempts[0].Skipped);
        Assert.Equal("circuit_open", during.Attempts[0].Error!.Code);
        Assert.Equal("m/a skipped:circuit_open > n/b ok", FallbackChain.Describe(during.Attempts));
    }

    [Fact]
    public async Task Complete_OpenCircuitAlone_FailsFastWithRetryAfter()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, NoRetries(Breaker));
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamUnavailable);

        await h.Complete(null, "m");
        await h.Complete(null, "m");
        var fast = await h.Complete(null, "m");

        Assert.Equal(2, h.Provider("a").Calls);
        Assert.Equal(ErrorKind.UpstreamUnavailable, fast.Error!.Kind);
        Assert.NotNull(fast.Error.RetryAfter);
        Assert.InRange(fast.Error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(0, FallbackChain.Calls(fast.Attempts));
    }

    [Fact]
    public async Task Complete_AfterBreak_HalfOpenProbeSucceeds_CircuitClosesAgain()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, NoRetries(Breaker));
        h.Provider("a").Then(Step.Fail(), Step.Fail());
        await h.Complete(null, "m");
        await h.Complete(null, "m");
        Assert.Equal(0, FallbackChain.Calls((await h.Complete(null, "m")).Attempts));

        h.Time.Advance(TimeSpan.FromSeconds(31));
        var probe = await h.Complete(null, "m");
        var after = await h.Complete(null, "m");

        Assert.NotNull(probe.Response);
        Assert.NotNull(after.Response);
        Assert.Equal(4, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_AfterBreak_HalfOpenProbeFails_OpenAgainForAnotherBreak()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, NoRetries(Breaker));
        h.Provider("a").Otherwise = Step.Fail();
        await h.Complete(null, "m");
        await h.Complete(null, "m");

        h.Time.Advance(TimeSpan.FromSeconds(31));
        var probe = await h.Complete(null, "m");
        var skipped = await h.Complete(null, "m");

        Assert.Equal(ErrorKind.UpstreamError, probe.Error!.Kind);
        Assert.Equal(1, FallbackChain.Calls(probe.Attempts));
        Assert.Equal(SkipReasons.CircuitOpen, Assert.Single(skipped.Attempts).Skipped);
        Assert.Equal(3, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_ClientErrors_DoNotOpenTheCircuit()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, NoRetries(Breaker));
        h.Provider("a").Then(Step.Fail(ErrorKind.UpstreamBadRequest), Step.Fail(ErrorKind.ContentFiltered), Step.Fail(ErrorKind.UpstreamBadRequest));

        for (var i = 0; i < 3; i++) await h.Complete(null, "m");
        var ok = await h.Complete(null, "m");

        Assert.NotNull(ok.Response);
        Assert.Equal(4, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_OneDeploymentOpen_OtherDeploymentOfModelStillServes()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Deployed("a", "b") with { LoadBalancing = "least-busy" } }, NoRetries(Breaker));
        h.Provider("a").Otherwise = Step.Fail();

        for (var i = 0; i < 2; i++) await h.Complete(null, "m");
        var later = await h.Complete(null, "m");

        Assert.Equal("b", later.Deployment!.Name);
        Assert.Equal(2, h.Provider("a").Calls);
        Assert.Equal(SkipReasons.CircuitOpen, later.Attempts[0].Skipped);
    }
}
