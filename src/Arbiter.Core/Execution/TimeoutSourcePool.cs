using System.Collections.Concurrent;

namespace Arbiter.Core.Execution;

/// <summary>
/// Cancellation sources that cancel themselves after a delay (a request's total timeout, an attempt's, a stream's bounds),
/// reused: one that was not cancelled is reset (its timer stopped, its registrations dropped) and handed to the next
/// request, so a request costs no new source, timer or registration list. With a test clock (any
/// <see cref="TimeProvider"/> but the system's) each source is new, its timer on that clock.
/// </summary>
internal sealed class TimeoutSourcePool(TimeProvider time, int capacity = 1024)
{
    private readonly ConcurrentQueue<CancellationTokenSource> _free = new();
    private int _count;

    private static readonly Action<object?> CancelSource = static s => ((CancellationTokenSource)s!).Cancel();

    /// <summary>
    /// Makes <paramref name="token"/> cancel <paramref name="source"/> too. The registration must be disposed before the
    /// source is returned (<see cref="Return(CancellationTokenSource, CancellationTokenRegistration)"/> does both): a
    /// token cancelled later must not cancel the source once another request has it.
    /// </summary>
    public static CancellationTokenRegistration Link(CancellationToken token, CancellationTokenSource source) =>
        token.UnsafeRegister(CancelSource, source);

    /// <summary>Sources waiting to be reused (for tests).</summary>
    internal int Available => Volatile.Read(ref _count);

    public CancellationTokenSource Rent(TimeSpan delay)
    {
        if (time != TimeProvider.System) return new CancellationTokenSource(delay, time);
        if (_free.TryDequeue(out var source)) Interlocked.Decrement(ref _count);
        else source = new CancellationTokenSource();
        source.CancelAfter(delay);
        return source;
    }

    /// <summary>Disposes <paramref name="link"/>, then takes <paramref name="source"/> back (see <see cref="Link"/>).</summary>
    public void Return(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        link.Dispose();
        Return(source);
    }

    /// <summary>
    /// Takes a source back once nothing can observe its token any more (every registration on it disposed first): reused
    /// if it was not cancelled, disposed if it was.
    /// </summary>
    public void Return(CancellationTokenSource source)
    {
        if (time == TimeProvider.System && source.TryReset())
        {
            if (Interlocked.Increment(ref _count) <= capacity)
            {
                _free.Enqueue(source);
                return;
            }
            Interlocked.Decrement(ref _count);
        }
        source.Dispose();
    }
}
