using Arbiter.Core.Errors;
using Arbiter.Core.Providers;
using static Arbiter.Providers.Tests.Simulated.SimulatedKit;

namespace Arbiter.Providers.Tests.Simulated;

/// <summary>The simulator's configured failures: their share, their error, and their seeded sequence.</summary>
public sealed class SimulatedFailureTests
{
    private static async Task<List<bool>> FailuresAsync(IChatProvider provider, int calls)
    {
        var failed = new List<bool>(calls);
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await provider.CompleteAsync(Ask("Same prompt every time."), Model, CancellationToken.None);
                failed.Add(false);
            }
            catch (ArbiterException ex)
            {
                Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
                Assert.Equal(503, ex.Error.UpstreamStatus);
                Assert.Equal(ProviderName, ex.Error.Provider);
                Assert.Contains($"'{ProviderName}'", ex.Error.Message);
                failed.Add(true);
            }
        }
        return failed;
    }

    [Theory, InlineData(1), InlineData(42), InlineData(-9)]
    public async Task CompleteAsync_FailureRateHalf_FailsAboutHalfOfTheCalls(int seed)
    {
        var failures = (await FailuresAsync(Create(seed, Fast(failureRate: 0.5)), 200)).Count(f => f);

        Assert.InRange(failures, 60, 140);
    }

    [Fact]
    public async Task CompleteAsync_FailureRateZero_NeverFails() =>
        Assert.DoesNotContain(true, await FailuresAsync(Create(sim: Fast(failureRate: 0)), 100));

    [Fact]
    public async Task CompleteAsync_FailureRateOne_AlwaysFails() =>
        Assert.DoesNotContain(false, await FailuresAsync(Create(sim: Fast(failureRate: 1)), 50));

    [Fact]
    public async Task StreamAsync_FailureRateOne_ThrowsBeforeTheFirstChunk()
    {
        var provider = Create(sim: Fast(failureRate: 1));
        await using var chunks = provider.StreamAsync(Ask("Stream?", stream: true), Model, CancellationToken.None).GetAsyncEnumerator();

        var ex = await Assert.ThrowsAsync<ArbiterException>(async () => await chunks.MoveNextAsync());

        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal(503, ex.Error.UpstreamStatus);
        Assert.Equal(ProviderName, ex.Error.Provider);
    }

    [Fact]
    public async Task CompleteAsync_FailuresWithTheSameSeed_FollowTheSameSequence()
    {
        var first = await FailuresAsync(Create(seed: 99, sim: Fast(failureRate: 0.3)), 80);
        var second = await FailuresAsync(Create(seed: 99, sim: Fast(failureRate: 0.3)), 80);

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public async Task CompleteAsync_FailuresWithDifferentSeeds_FollowDifferentSequences()
    {
        var first = await FailuresAsync(Create(seed: 1, sim: Fast(failureRate: 0.5)), 80);
        var second = await FailuresAsync(Create(seed: 2, sim: Fast(failureRate: 0.5)), 80);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task CompleteAsync_FailureRateHalf_ConsecutiveFailuresAreIndependent()
    {
        var failed = await FailuresAsync(Create(seed: 3, sim: Fast(failureRate: 0.5)), 400);

        // Independent coin flips: about 399 / 4 = 100 back-to-back pairs, and after a failure the next call fails about half the time.
        var pairs = Enumerable.Range(1, failed.Count - 1).Count(i => failed[i - 1] && failed[i]);
        Assert.InRange(pairs, 60, 140);
        Assert.InRange(FailureRateAfterAFailure(failed, lag: 1), 0.3, 0.7);
        Assert.InRange(FailureRateAfterAFailure(failed, lag: 2), 0.3, 0.7);
    }

    [Fact]
    public async Task CompleteAsync_FailureRateTenth_CallsAfterAFailureFailAtTheConfiguredRate()
    {
        var failed = await FailuresAsync(Create(seed: 5, sim: Fast(failureRate: 0.1)), 2000);

        Assert.InRange(FailureRateAfterAFailure(failed, lag: 1), 0.02, 0.2);
        Assert.InRange(FailureRateAfterAFailure(failed, lag: 2), 0.02, 0.2);
    }

    /// <summary>Of the calls <paramref name="lag"/> after a failed call, the share that failed too.</summary>
    private static double FailureRateAfterAFailure(List<bool> failed, int lag)
    {
        var after = Enumerable.Range(lag, failed.Count - lag).Where(i => failed[i - lag]).Select(i => failed[i]).ToList();
        Assert.True(after.Count > 20, $"too few failures to measure ({after.Count})");
        return after.Count(f => f) / (double)after.Count;
    }
}
