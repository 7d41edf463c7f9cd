using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Microsoft.Extensions.Time.Testing;
using static Arbiter.Providers.Tests.Simulated.SimulatedKit;

namespace Arbiter.Providers.Tests.Simulated;

/// <summary>
/// The simulator waits on the injected <see cref="TimeProvider"/>: with a <see cref="FakeTimeProvider"/> nothing
/// arrives until the fake clock passes the time to first token. No assertion here depends on the wall clock.
/// </summary>
public sealed class SimulatedTimingTests
{
    /// <summary>Guards against a hang only; it is never what a test asserts.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>One second to the first token, no jitter, and generation fast enough to add well under a millisecond.</summary>
    private static SimulationConfig SlowStart(int outputTokens = 20) => new()
    {
        TtftMs = 1000, TokensPerSecond = 1e9, OutputTokens = outputTokens, Jitter = 0,
    };

    private static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan by, int steps, Task mustStayPending)
    {
        for (var i = 0; i < steps; i++)
        {
            time.Advance(by / steps);
            await Task.Yield();
            Assert.False(mustStayPending.IsCompleted, $"completed after only {time.GetUtcNow() - Start} of fake time");
        }
    }

    [Fact]
    public async Task CompleteAsync_Ttft1000_CompletesOnlyAfterTheFakeClockPassesIt()
    {
        var time = new FakeTimeProvider(Start);
        var provider = Create(sim: SlowStart(), time: time);

        var pending = provider.CompleteAsync(Ask("Take your time."), Model, CancellationToken.None).AsTask();
        await AdvanceAsync(time, TimeSpan.FromMilliseconds(999), steps: 9, mustStayPending: pending);

        time.Advance(TimeSpan.FromMilliseconds(2));
        var response = await pending.WaitAsync(Guard);

        Assert.False(string.IsNullOrEmpty(response.Choices[0].Message.Text));
        Assert.Equal(20, response.Usage!.OutputTokens);
    }

    [Fact]
    public async Task CompleteAsync_NoTimeAdvanced_StaysPending()
    {
        var time = new FakeTimeProvider(Start);
        var pending = Create(sim: SlowStart(), time: time).CompleteAsync(Ask("Wait."), Model, CancellationToken.None).AsTask();

        await Task.Yield();

        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        await pending.WaitAsync(Guard);
    }

    [Fact]
    public async Task CompleteAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var time = new FakeTimeProvider(Start);
        using var cts = new CancellationTokenSource();
        var pending = Create(sim: SlowStart(), time: time).CompleteAsync(Ask("Never mind."), Model, cts.Token).AsTask();

        time.Advance(TimeSpan.FromMilliseconds(500));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Guard));
    }

    [Fact]
    public async Task StreamAsync_Ttft1000_FirstChunkOnlyAfterTheFakeClockPassesIt()
    {
        var time = new FakeTimeProvider(Start);
        var provider = Create(sim: SlowStart(), time: time);
        await using var chunks = provider.StreamAsync(Ask("Stream slowly.", stream: true), Model, CancellationToken.None).GetAsyncEnumerator();

        var first = chunks.MoveNextAsync().AsTask();
        await AdvanceAsync(time, TimeSpan.FromMilliseconds(999), steps: 3, mustStayPending: first);

        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(await first.WaitAsync(Guard));
        Assert.Equal(ChatRole.Assistant, chunks.Current.Choices[0].Delta.Role);
        Assert.Equal("true", chunks.Current.ProviderMetadata!["simulated"]);
    }

    [Fact]
    public async Task CompleteAsync_Created_IsTheInjectedClocksTime()
    {
        var time = new FakeTimeProvider(Start);
        var response = await Create(time: time).CompleteAsync(Ask("When?"), Model, CancellationToken.None);

        Assert.Equal(Start.ToUnixTimeSeconds(), response.Created);
    }

    [Fact]
    public async Task CompleteAsync_SlowGeneration_WaitsForTheTokensAfterTheFirst()
    {
        // 50 tokens at 10 tokens/s after a 100 ms TTFT: 5.1 s of fake time in all.
        var time = new FakeTimeProvider(Start);
        var sim = new SimulationConfig { TtftMs = 100, TokensPerSecond = 10, OutputTokens = 50, Jitter = 0 };

        var pending = Create(sim: sim, time: time).CompleteAsync(Ask("Slowly."), Model, CancellationToken.None).AsTask();
        await AdvanceAsync(time, TimeSpan.FromMilliseconds(5090), steps: 10, mustStayPending: pending);

        time.Advance(TimeSpan.FromMilliseconds(20));
        var response = await pending.WaitAsync(Guard);
        Assert.Equal(50, response.Usage!.OutputTokens);
    }
}
