using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>Retries on one deployment (Polly): a count per error class, exponential backoff, Retry-After honoured.</summary>
public sealed class RetryTests
{
    private static ResilienceConfig Retries(double baseDelayMs = 1000) => new()
    {
        Seed = 1,
        Retry = new RetryConfig { BaseDelayMs = baseDelayMs, MaxDelayMs = 60_000, MaxRetryAfterSeconds = 10 },
        CircuitBreaker = new CircuitBreakerConfig { Enabled = false },
    };

    [Fact]
    public async Task Complete_OneUpstreamError_RetriedOnSameDeploymentAndAnswered()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, Retries());
        h.Provider("a").Then(Step.Fail(ErrorKind.UpstreamError));

        var outcome = await h.Complete(null, "m");

        Assert.NotNull(outcome.Response);
        Assert.Equal([(0, ErrorKind.UpstreamError as ErrorKind?), (1, null)], outcome.Attempts.Select(a => (a.Retry, a.Error?.Kind)));
        Assert.Equal(["a", "a"], outcome.Attempts.Select(a => a.Deployment));
        Assert.Equal("upstream_error", outcome.Attempts[0].ErrorClass);
    }

    [Fact]
    public async Task Complete_RetryAfter_WaitsExactlyThatLongBeforeRetrying()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, Retries(baseDelayMs: 1));
        h.Provider("a").Then(Step.Fail(ErrorKind.RateLimited, retryAfter: TimeSpan.FromSeconds(3)));
        var start = h.Time.GetUtcNow();

        var outcome = await h.Complete(null, "m");

        Assert.NotNull(outcome.Response);
        Assert.Equal(2, h.Provider("a").Calls);
        // Fake time moves in 100 ms steps, more while continuations run on a busy machine: the bound that matters is the lower one.
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Complete_RetryAfterLongerThanMax_MovesToNextModelAtOnce()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["n"] = Single("b") }, Retries());
        h.Provider("a").Then(Step.Fail(ErrorKind.RateLimited, retryAfter: TimeSpan.FromSeconds(60)));
        var start = h.Time.GetUtcNow();

        var outcome = await h.Complete(null, "m", "n");

        Assert.Equal("n", outcome.Model!.Name);
        Assert.Equal(1, h.Provider("a").Calls);
        Assert.True(h.Since(start) < TimeSpan.FromSeconds(10)); // not the 60 s asked for
    }

    [Fact]
    public async Task Complete_Backoff_GrowsExponentiallyWithJitter()
    {
        var config = Retries(baseDelayMs: 1000) with
        {
            Retry = new RetryConfig { BaseDelayMs = 1000, MaxDelayMs = 60_000, PerError = new() { ["upstream_error"] = 3 } },
        };
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, config);
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamError);
        var start = h.Time.GetUtcNow();

        var outcome = await h.Complete(null, "m");

        Assert.Equal(ErrorKind.UpstreamError, outcome.Error!.Kind);
        Assert.Equal([0, 1, 2, 3], outcome.Attempts.Select(a => a.Retry));
        // Three waits around 1 s, 2 s and 4 s (decorrelated jitter spreads each): far more than three base delays.
        Assert.InRange(h.Since(start), TimeSpan.FromSeconds(3.1), TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(ErrorKind.UpstreamTimeout)]
    [InlineData(ErrorKind.UpstreamAuth)]
    [InlineData(ErrorKind.UpstreamBadRequest)]
    [InlineData(ErrorKind.ContentFiltered)]
    public async Task Complete_ErrorClassWithoutRetries_CalledOnce(ErrorKind kind)
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, Retries());
        h.Provider("a").Then(Step.Fail(kind));

        var outcome = await h.Complete(null, "m");

        Assert.Equal(kind, outcome.Error!.Kind);
        Assert.Equal(1, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_PerErrorCountConfigured_RetriesThatMany()
    {
        var config = Retries(1) with { Retry = new RetryConfig { BaseDelayMs = 1, PerError = new() { ["upstream_unavailable"] = 2 } } };
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, config);
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamUnavailable);

        var outcome = await h.Complete(null, "m");

        Assert.Equal(3, h.Provider("a").Calls);
        Assert.Equal(3, outcome.Attempts.Count);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_RetryBeforeFirstChunk_StreamAndCompletionAlike(bool stream)
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") }, Retries(1));
        h.Provider("a").Then(Step.Fail(ErrorKind.UpstreamError));

        if (stream)
        {
            await using var outcome = await h.Open("m");
            Assert.NotNull(outcome.FirstChunk);
            Assert.Equal([0, 1], outcome.Attempts.Select(a => a.Retry));
        }
        else
        {
            var outcome = await h.Complete(null, "m");
            Assert.NotNull(outcome.Response);
            Assert.Equal([0, 1], outcome.Attempts.Select(a => a.Retry));
        }
    }
}
