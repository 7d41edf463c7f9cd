using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>First byte, stream idle, whole call and whole request: each bounds its phase, on fake time.</summary>
public sealed class TimeoutTests
{
    private static ResilienceConfig Timeouts(double firstByte = 5, double idle = 3, double total = 600) => NoRetries() with
    {
        Timeouts = new TimeoutsConfig { FirstByteSeconds = firstByte, StreamIdleSeconds = idle, TotalSeconds = total },
    };

    [Fact]
    public async Task Open_NoFirstChunkWithinFirstByteTimeout_TimeoutThenNextModel()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Timeouts(firstByte: 5));
        h.Provider("a").Then(Step.Hang);
        var start = h.Time.GetUtcNow();

        await using var outcome = await h.Open("m", "n");

        Assert.Equal("n", outcome.Model!.Name);
        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Attempts[0].Error!.Kind);
        Assert.Contains("5 s", outcome.Attempts[0].Error!.Message);
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Open_SilenceAfterFirstChunk_IdleTimeoutEndsTheStream()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, Timeouts(idle: 3));
        h.Provider("a").Then(Step.FirstChunkThenHang);
        await using var outcome = await h.Open("m");
        var start = h.Time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<ArbiterException>(() => h.Drive(outcome.MoveNextAsync().AsTask()));

        Assert.Equal(ErrorKind.UpstreamTimeout, ex.Error.Kind);
        Assert.Contains("sent nothing for 3 s", ex.Error.Message);
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Complete_CallTimeout_BoundsANonStreamedCall()
    {
        var h = new ResilienceHarness { CallTimeout = TimeSpan.FromSeconds(20) }.Build(new() { ["m"] = Single("a") }, Timeouts());
        h.Provider("a").Then(Step.Hang);
        var start = h.Time.GetUtcNow();

        var outcome = await h.Complete(null, "m");

        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Error!.Kind);
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25));
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_TotalTimeout_BoundsTheWholeChain(bool stream)
    {
        var h = new ResilienceHarness { CallTimeout = TimeSpan.FromSeconds(20) }
            .Build(new() { ["m"] = Single("a"), ["n"] = Single("b"), ["o"] = Single("c") }, Timeouts(firstByte: 20, total: 30));
        foreach (var p in new[] { "a", "b", "c" }) h.Provider(p).Otherwise = Step.Hang;
        var start = h.Time.GetUtcNow();

        var error = stream ? (await h.Open("m", "n", "o")).Error : (await h.Complete(null, "m", "n", "o")).Error;

        Assert.Equal(ErrorKind.UpstreamTimeout, error!.Kind);
        Assert.Contains("total_seconds", error.Message);
        Assert.Equal(0, h.Provider("c").Calls);
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35));
    }
}
