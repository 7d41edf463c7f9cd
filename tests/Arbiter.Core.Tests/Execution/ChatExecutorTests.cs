using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Routing;
using Arbiter.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Core.Tests.Execution;

/// <summary>Non-streamed execution: fallbacks on retryable errors only, every attempt recorded.</summary>
public sealed class ChatExecutorTests
{
    internal static readonly ChatRequest Request = new() { Model = "auto", Messages = [ChatMessage.User("hi")] };
    internal static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    internal static RoutePlan PlanOf(params FakeChatProvider[] providers)
    {
        var catalog = FakeCatalog.Of(providers);
        return new RoutePlan("auto", providers.Select(p => catalog[p.Name + "-model"]).ToList(), "test");
    }

    private static Task<CompletionOutcome> Run(RoutePlan plan, TimeSpan? timeout = null, CancellationToken ct = default) =>
        TestExecutors.WithoutRetries(timeout ?? Generous).CompleteAsync(Request, plan, ct).AsTask();

    [Fact]
    public async Task CompleteAsync_FirstSucceeds_ReturnsItsAnswerAndCallsNoOther()
    {
        var a = new FakeChatProvider("a");
        var b = new FakeChatProvider("b");

        var outcome = await Run(PlanOf(a, b));

        Assert.Equal("Hello from a", outcome.Response!.Choices[0].Message.Text);
        Assert.Equal("a-model", outcome.Model!.Name);
        Assert.Null(outcome.Error);
        var attempt = Assert.Single(outcome.Attempts);
        Assert.Equal(("a-model", "a", true), (attempt.Model, attempt.Provider, attempt.Succeeded));
        Assert.Equal(0, b.CompleteCalls);
        Assert.Equal(["upstream-a-model"], a.UpstreamModels);
        Assert.True(outcome.UpstreamTime >= attempt.Duration);
    }

    [Theory]
    [InlineData(ErrorKind.UpstreamError)]
    [InlineData(ErrorKind.RateLimited)]
    [InlineData(ErrorKind.UpstreamUnavailable)]
    [InlineData(ErrorKind.UpstreamTimeout)]
    [InlineData(ErrorKind.UpstreamAuth)]
    public async Task CompleteAsync_RetryableError_FallsThroughAndRecordsBothAttempts(ErrorKind kind)
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = kind };
        var b = new FakeChatProvider("b");

        var outcome = await Run(PlanOf(a, b));

        Assert.Equal("Hello from b", outcome.Response!.Choices[0].Message.Text);
        Assert.Equal("b-model", outcome.Model!.Name);
        Assert.Null(outcome.Error);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.Equal(("a-model", "a", kind), (outcome.Attempts[0].Model, outcome.Attempts[0].Provider, outcome.Attempts[0].Error?.Kind));
        Assert.False(outcome.Attempts[0].Succeeded);
        Assert.Equal(("b-model", "b", true), (outcome.Attempts[1].Model, outcome.Attempts[1].Provider, outcome.Attempts[1].Succeeded));
    }

    [Theory]
    [InlineData(ErrorKind.UpstreamBadRequest)]
    [InlineData(ErrorKind.ContextWindowExceeded)]
    [InlineData(ErrorKind.ContentFiltered)]
    [InlineData(ErrorKind.InvalidRequest)]
    public async Task CompleteAsync_NonRetryableError_DoesNotFallThrough(ErrorKind kind)
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = kind };
        var b = new FakeChatProvider("b");

        var outcome = await Run(PlanOf(a, b));

        Assert.Null(outcome.Response);
        Assert.Null(outcome.Model);
        Assert.Equal(kind, outcome.Error!.Kind);
        Assert.Equal("a", outcome.Error.Provider);
        Assert.Single(outcome.Attempts);
        Assert.Equal(0, b.CompleteCalls);
    }

    [Fact]
    public async Task CompleteAsync_AllFail_OutcomeCarriesLastError()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = ErrorKind.UpstreamError };
        var b = new FakeChatProvider("b", FakeBehaviour.Fail) { FailWith = ErrorKind.RateLimited };
        var c = new FakeChatProvider("c", FakeBehaviour.Fail) { FailWith = ErrorKind.UpstreamUnavailable };

        var outcome = await Run(PlanOf(a, b, c));

        Assert.Null(outcome.Response);
        Assert.Equal(c.Error, outcome.Error);
        Assert.Equal([ErrorKind.UpstreamError, ErrorKind.RateLimited, ErrorKind.UpstreamUnavailable], outcome.Attempts.Select(x => x.Error!.Kind));
        Assert.Equal((1, 1, 1), (a.CompleteCalls, b.CompleteCalls, c.CompleteCalls));
    }

    [Fact]
    public async Task CompleteAsync_ProviderHangsPastTimeout_UpstreamTimeoutNamingProvider()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang);

        var outcome = await Run(PlanOf(a), Short);

        Assert.Null(outcome.Response);
        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Error!.Kind);
        Assert.Equal("a", outcome.Error.Provider);
        Assert.Equal(ErrorKind.UpstreamTimeout, Assert.Single(outcome.Attempts).Error!.Kind);
    }

    [Fact]
    public async Task CompleteAsync_ProviderHangsPastTimeout_FallsBackToNext()
    {
        // The clock passes the timeout once a hangs, then stands still: on the real clock b had to answer within the
        // same 0.2 s, which a loaded machine need not manage.
        var time = new FakeTimeProvider();
        var a = new FakeChatProvider("a", FakeBehaviour.Hang);
        var b = new FakeChatProvider("b");

        var running = TestExecutors.WithoutRetries(Short, time).CompleteAsync(Request, PlanOf(a, b), CancellationToken.None).AsTask();
        await Until(() => a.CompleteCalls == 1);
        time.Advance(Short);
        var outcome = await running.WaitAsync(Generous);

        Assert.Equal("b-model", outcome.Model!.Name);
        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Attempts[0].Error!.Kind);
        Assert.True(outcome.Attempts[1].Succeeded);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang);
        var b = new FakeChatProvider("b");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(PlanOf(a, b), Generous, cts.Token));

        Assert.Equal(0, b.CompleteCalls);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_CancellationCarriesTheCallersTokenWithoutARewrite()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(PlanOf(a), Generous, cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        // Polly's timeout rewrites a cancellation for another token with a stack trace resolved to source lines: a
        // stack walk (and, the first time, the PDB reader loaded) on every request a client abandons.
        Assert.DoesNotContain("WithCallerCancellationToken", ex.ToString());
    }

    [Fact]
    public async Task CompleteAsync_EarlierClientLeavesAfterItsAnswer_DoesNotCancelTheNextRequest()
    {
        // The total-timeout source goes back to a pool after a request: the earlier caller's link must be gone by then.
        var executor = TestExecutors.WithoutRetries(Short);
        using var earlier = new CancellationTokenSource();
        await executor.CompleteAsync(Request, PlanOf(new FakeChatProvider("a")), earlier.Token);

        var next = executor.CompleteAsync(Request, PlanOf(new FakeChatProvider("b", FakeBehaviour.Hang)), CancellationToken.None);
        earlier.Cancel();
        var outcome = await next;

        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Error!.Kind);
        Assert.Equal("provider 'b' did not answer within 0.2 s", outcome.Error.Message);
    }

    [Fact]
    public async Task CompleteAsync_EarlierWalkCancelledAfterItsAttempt_DoesNotCancelTheNextRequest()
    {
        // An attempt's timeout source goes back to the executor's pool when the attempt ends, while its walk may go on
        // (here: waiting to retry). The walk's link into it must be gone by then, or cancelling that walk cancels
        // whichever request has the source next.
        var retryOnce = new ResilienceConfig
        {
            Seed = 1,
            Retry = new RetryConfig { BaseDelayMs = 60_000, MaxDelayMs = 60_000, PerError = new() { ["upstream_error"] = 1 } },
        };
        var executor = new ChatExecutor(retryOnce, Generous, TimeProvider.System);
        var failing = new FakeChatProvider("a", FakeBehaviour.Fail);
        using var earlierCaller = new CancellationTokenSource();
        var earlier = executor.CompleteAsync(Request, PlanOf(failing), earlierCaller.Token).AsTask();
        await Until(() => executor.TimeoutSources.Available == 1); // the attempt's source is back; the walk's is out

        var gate = new TaskCompletionSource();
        var answering = new FakeChatProvider("b") { Gate = gate.Task };
        var next = executor.CompleteAsync(Request, PlanOf(answering), CancellationToken.None);
        await Until(() => answering.CompleteCalls == 1 && executor.TimeoutSources.Available == 0);
        earlierCaller.Cancel();
        gate.SetResult();
        var outcome = await next;

        Assert.Null(outcome.Error);
        Assert.Equal("Hello from b", outcome.Response!.Choices[0].Message.Text);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => earlier);
    }

    internal static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 10_000) throw new TimeoutException("the condition did not hold within 10 s");
            await Task.Delay(10);
        }
    }
}
