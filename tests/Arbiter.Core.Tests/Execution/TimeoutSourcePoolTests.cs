using Arbiter.Core.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Core.Tests.Execution;

public sealed class TimeoutSourcePoolTests
{
    [Fact]
    public void Return_NotCancelled_IsReusedWithoutItsRegistrations()
    {
        var pool = new TimeoutSourcePool(TimeProvider.System);
        var first = pool.Rent(TimeSpan.FromMinutes(5));
        var oldCallbackRan = false;
        first.Token.Register(() => oldCallbackRan = true);
        pool.Return(first);

        var second = pool.Rent(TimeSpan.FromMinutes(5));
        second.Cancel();

        Assert.Same(first, second);
        Assert.False(oldCallbackRan);
    }

    [Fact]
    public async Task Rent_ReusedSource_CancelsAfterItsNewDelay()
    {
        var pool = new TimeoutSourcePool(TimeProvider.System);
        pool.Return(pool.Rent(TimeSpan.FromMinutes(5)));

        var source = pool.Rent(TimeSpan.FromMilliseconds(20));

        await Task.Delay(Timeout.Infinite, source.Token).ContinueWith(_ => { });
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public async Task Return_Cancelled_IsDisposedNotReused()
    {
        var pool = new TimeoutSourcePool(TimeProvider.System);
        var timedOut = pool.Rent(TimeSpan.FromMilliseconds(1));
        await Task.Delay(Timeout.Infinite, timedOut.Token).ContinueWith(_ => { });
        pool.Return(timedOut);

        var next = pool.Rent(TimeSpan.FromMinutes(5));

        Assert.NotSame(timedOut, next);
        Assert.False(next.IsCancellationRequested);
        Assert.Throws<ObjectDisposedException>(() => timedOut.CancelAfter(1));
    }

    [Fact]
    public void Return_BeyondCapacity_IsDisposed()
    {
        var pool = new TimeoutSourcePool(TimeProvider.System, capacity: 1);
        var a = pool.Rent(TimeSpan.FromMinutes(5));
        var b = pool.Rent(TimeSpan.FromMinutes(5));
        pool.Return(a);
        pool.Return(b);

        Assert.Same(a, pool.Rent(TimeSpan.FromMinutes(5)));
        Assert.Throws<ObjectDisposedException>(() => b.CancelAfter(1));
    }

    [Fact]
    public void Rent_TestClock_NewSourceTimedOnThatClock()
    {
        var clock = new FakeTimeProvider();
        var pool = new TimeoutSourcePool(clock);
        var first = pool.Rent(TimeSpan.FromSeconds(10));
        pool.Return(first);

        var source = pool.Rent(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(source.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.NotSame(first, source);
        Assert.True(source.IsCancellationRequested);
    }
}
