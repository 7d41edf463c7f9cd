using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Routing;
using Arbiter.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Arbiter.Core.Tests.Execution.ChatExecutorTests;

namespace Arbiter.Core.Tests.Execution;

/// <summary>Streamed execution: fallback only until the first chunk; afterwards failures surface from MoveNextAsync.</summary>
public sealed class ChatExecutorStreamTests
{
    private static Task<StreamOutcome> Open(RoutePlan plan, TimeSpan? timeout = null, CancellationToken ct = default) =>
        TestExecutors.WithoutRetries(timeout ?? Generous).OpenStreamAsync(Request, plan, ct).AsTask();

    private static async Task<List<string>> RestText(StreamOutcome outcome)
    {
        var pieces = new List<string>();
        await foreach (var chunk in Rest(outcome)) pieces.Add(chunk.Choices[0].Delta.Content!);
        return pieces;
    }

    [Fact]
    public async Task OpenStreamAsync_FirstSucceeds_FirstChunkThenRest()
    {
        var a = new FakeChatProvider("a") { Pieces = ["one", "two", "three"] };
        var b = new FakeChatProvider("b");

        await using var outcome = await Open(PlanOf(a, b));

        Assert.Equal("one", outcome.FirstChunk!.Choices[0].Delta.Content);
        Assert.Equal("upstream-a-model", outcome.FirstChunk.Model);
        Assert.Equal("a-model", outcome.Model!.Name);
        Assert.Null(outcome.Error);
        Assert.True(Assert.Single(outcome.Attempts).Succeeded);
        Assert.Equal(["two", "three"], await RestText(outcome));
        Assert.Equal(0, b.StreamCalls);
    }

    [Theory]
    [InlineData(ErrorKind.UpstreamError)]
    [InlineData(ErrorKind.RateLimited)]
    public async Task OpenStreamAsync_FailureBeforeFirstChunk_FallsBackAndReturnsSecondsFirstChunk(ErrorKind kind)
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = kind, Pieces = [] };
        var b = new FakeChatProvider("b") { Pieces = ["b1", "b2"] };

        await using var outcome = await Open(PlanOf(a, b));

        Assert.Equal("b1", outcome.FirstChunk!.Choices[0].Delta.Content);
        Assert.Equal("b-model", outcome.Model!.Name);
        Assert.Equal(2, outcome.Attempts.Count);
        Assert.Equal(kind, outcome.Attempts[0].Error!.Kind);
        Assert.Equal("a", outcome.Attempts[0].Provider);
        Assert.True(outcome.Attempts[1].Succeeded);
        Assert.Equal(["b2"], await RestText(outcome));
    }

    [Fact]
    public async Task OpenStreamAsync_NonRetryableBeforeFirstChunk_NoFallback()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = ErrorKind.UpstreamBadRequest, Pieces = [] };
        var b = new FakeChatProvider("b");

        await using var outcome = await Open(PlanOf(a, b));

        Assert.Null(outcome.FirstChunk);
        Assert.Null(outcome.Model);
        Assert.Equal(ErrorKind.UpstreamBadRequest, outcome.Error!.Kind);
        Assert.Single(outcome.Attempts);
        Assert.Equal(0, b.StreamCalls);
        Assert.Empty(await RestText(outcome));
    }

    [Fact]
    public async Task OpenStreamAsync_EmptyStream_UpstreamErrorAndFallsBack()
    {
        var a = new FakeChatProvider("a") { Pieces = [] };
        var b = new FakeChatProvider("b");

        await using var outcome = await Open(PlanOf(a, b));

        Assert.Equal("b-model", outcome.Model!.Name);
        Assert.Equal(ErrorKind.UpstreamError, outcome.Attempts[0].Error!.Kind);
        Assert.Equal("a", outcome.Attempts[0].Error!.Provider);
    }

    [Fact]
    public async Task OpenStreamAsync_AllFailBeforeFirstChunk_LastError()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = ErrorKind.UpstreamError, Pieces = [] };
        var b = new FakeChatProvider("b", FakeBehaviour.Fail) { FailWith = ErrorKind.RateLimited, Pieces = [] };

        await using var outcome = await Open(PlanOf(a, b));

        Assert.Null(outcome.FirstChunk);
        Assert.Equal(b.Error, outcome.Error);
        Assert.Equal(2, outcome.Attempts.Count);
    }

    [Fact]
    public async Task MoveNextAsync_FailureAfterFirstChunk_SurfacesAsArbiterExceptionWithoutFallback()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Fail) { FailWith = ErrorKind.UpstreamError, Pieces = ["Hel", "lo"] };
        var b = new FakeChatProvider("b");

        await using var outcome = await Open(PlanOf(a, b));
        var received = new List<string>();
        var ex = await Assert.ThrowsAsync<ArbiterException>(async () =>
        {
            await foreach (var chunk in Rest(outcome)) received.Add(chunk.Choices[0].Delta.Content!);
        });

        Assert.Equal("Hel", outcome.FirstChunk!.Choices[0].Delta.Content);
        Assert.Equal(["lo"], received);
        Assert.Equal(ErrorKind.UpstreamError, ex.Error.Kind);
        Assert.Equal(0, b.StreamCalls);
        Assert.True(Assert.Single(outcome.Attempts).Succeeded);
    }

    [Fact]
    public async Task OpenStreamAsync_HangBeforeFirstChunk_UpstreamTimeoutThenFallback()
    {
        // The clock passes the timeout once a hangs, then stands still: b's first chunk needs no time.
        var time = new FakeTimeProvider();
        var a = new FakeChatProvider("a", FakeBehaviour.Hang) { Pieces = [] };
        var b = new FakeChatProvider("b");

        var opening = TestExecutors.WithoutRetries(Short, time).OpenStreamAsync(Request, PlanOf(a, b), CancellationToken.None).AsTask();
        await Until(() => a.StreamCalls == 1);
        time.Advance(Short);
        await using var outcome = await opening.WaitAsync(Generous);

        Assert.Equal("b-model", outcome.Model!.Name);
        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Attempts[0].Error!.Kind);
        Assert.Equal("a", outcome.Attempts[0].Error!.Provider);
    }

    [Fact]
    public async Task OpenStreamAsync_OnlyCandidateHangs_ErrorIsUpstreamTimeout()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang) { Pieces = [] };

        await using var outcome = await Open(PlanOf(a), Short);

        Assert.Null(outcome.FirstChunk);
        Assert.Equal(ErrorKind.UpstreamTimeout, outcome.Error!.Kind);
    }

    [Fact]
    public async Task MoveNextAsync_HangAfterFirstChunk_ThrowsUpstreamTimeout()
    {
        // The first chunk comes with the clock standing still; only then does it pass the call's bound.
        var time = new FakeTimeProvider();
        var a = new FakeChatProvider("a", FakeBehaviour.Hang) { Pieces = ["first"] };

        await using var outcome = await TestExecutors.WithoutRetries(Short, time).OpenStreamAsync(Request, PlanOf(a), CancellationToken.None);
        var reading = RestText(outcome);
        time.Advance(Short);
        var ex = await Assert.ThrowsAsync<ArbiterException>(() => reading.WaitAsync(Generous));

        Assert.Equal(ErrorKind.UpstreamTimeout, ex.Error.Kind);
        Assert.Equal("a", ex.Error.Provider);
        // The call's bound (0.2 s, far under the idle timeout) ended it, never read as an idle gap.
        Assert.Equal("provider 'a' did not finish the stream in time", ex.Error.Message);
    }

    [Fact]
    public async Task OpenStreamAsync_CallerCancelsBeforeFirstChunk_ThrowsCancellation()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang) { Pieces = [] };
        var b = new FakeChatProvider("b");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Open(PlanOf(a, b), Generous, cts.Token));

        Assert.Equal(0, b.StreamCalls);
    }

    [Fact]
    public async Task MoveNextAsync_CallerCancelsAfterFirstChunk_ThrowsCancellationNotTimeout()
    {
        var a = new FakeChatProvider("a", FakeBehaviour.Hang) { Pieces = ["first"] };
        using var cts = new CancellationTokenSource();

        await using var outcome = await Open(PlanOf(a), Generous, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await RestText(outcome));
    }

    [Fact]
    public async Task MoveNextAsync_EarlierClientLeavesAfterItsStream_DoesNotCancelTheNextStream()
    {
        // A stream's source goes back to the executor's pool when the stream is disposed, and the next stream gets it:
        // the earlier caller's link must be gone by then, or its leaving would end the next stream at once.
        var executor = TestExecutors.WithoutRetries(Generous);
        using var earlier = new CancellationTokenSource();
        await using (var first = await executor.OpenStreamAsync(Request, PlanOf(new FakeChatProvider("a") { Pieces = ["one", "two"] }), earlier.Token))
            await RestText(first);
        using var mine = new CancellationTokenSource();
        await using var next = await executor.OpenStreamAsync(Request, PlanOf(new FakeChatProvider("b", FakeBehaviour.Hang) { Pieces = ["first"] }), mine.Token);

        earlier.Cancel();
        var reading = RestText(next);

        Assert.False(reading.IsCompleted); // still waiting on the upstream: the earlier client's leaving reached nothing here
        await mine.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    private static async IAsyncEnumerable<ChatStreamChunk> Rest(StreamOutcome outcome)
    {
        while (await outcome.MoveNextAsync()) yield return outcome.Current;
    }
}
