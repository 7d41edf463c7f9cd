using System.Diagnostics;
using Arbiter.Core.Config;
using Microsoft.Extensions.Hosting;

namespace Arbiter.Server.Hosting;

/// <summary>
/// Keeps the I/O core awake while a lone request waits on its upstream, and for a moment after it ends (until the
/// next one arrives): one background thread yielding in a loop for <c>server.idle_spin_microseconds</c> after the last
/// activity, and only while at most one request is in flight. With inline I/O nothing else runs on the core between
/// a request's socket events, so without it the core goes idle twice per request and pays the wake-up each time
/// (measured in docs/performance.md). A yielding thread never delays a runnable one, and under load (two or more
/// requests in flight) it sleeps. Every HTTP request counts (see UnhandledErrors); an orchestrated one counts once
/// however many upstream calls it makes, so at worst it spins while those few calls are out.
/// </summary>
internal sealed class IdleSpinner : IHostedService
{
    private readonly long _windowTicks;
    // Never disposed: a request finishing after shutdown may still release it (it holds no handle until one is asked for).
    private readonly SemaphoreSlim _wake = new(0);
    private Thread? _thread;
    private volatile bool _stopping;
    private int _inFlight;
    private int _sleeping = 1;
    private long _lastActivity;
    private int _wakes;

    public IdleSpinner(int microseconds) => _windowTicks = microseconds * Stopwatch.Frequency / 1_000_000;

    /// <summary>
    /// The window for <paramref name="server"/>: off without inline I/O; unset, on only with one CPU, where the spinner
    /// shares the I/O thread's core (on several it would keep another core busy, not the one that sleeps).
    /// </summary>
    public static int MicrosecondsFor(ServerConfig server, int processorCount) =>
        !server.InlineIo ? 0 : server.IdleSpinMicroseconds ?? (processorCount == 1 ? ConfigDefaults.IdleSpinMicroseconds : 0);

    /// <summary>Whether it spins at all (a zero window turns it off).</summary>
    public bool Enabled => _windowTicks > 0;

    /// <summary>Whether the thread is in its yield loop now (for tests and diagnostics).</summary>
    public bool IsSpinning { get; private set; }

    /// <summary>
    /// Whether the thread has left its yield loop for sleep: from then on the next request wakes it, even if the thread
    /// has not reached its wait yet (for tests and diagnostics; <see cref="IsSpinning"/> turns false a moment earlier).
    /// </summary>
    public bool IsSleeping => Volatile.Read(ref _sleeping) == 1;

    /// <summary>How many times the thread has woken from its sleep (for tests and diagnostics).</summary>
    public int Wakes => Volatile.Read(ref _wakes);

    /// <summary>Whether the spinning thread is running (started and not yet stopped).</summary>
    public bool IsRunning => _thread is { IsAlive: true };

    public void RequestStarted()
    {
        if (!Enabled) return;
        if (Interlocked.Increment(ref _inFlight) == 1) Kick();
    }

    public void RequestEnded()
    {
        if (!Enabled) return;
        if (Interlocked.Decrement(ref _inFlight) <= 1) Kick();
    }

    private void Kick()
    {
        // Full fences on both sides (here and in Run): each side writes its field and then reads the other's, which
        // plain volatile accesses may reorder, and a wake-up would be lost.
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Release();
    }

    private bool ShouldSpin() =>
        !_stopping && Volatile.Read(ref _inFlight) <= 1 && Stopwatch.GetTimestamp() - Interlocked.Read(ref _lastActivity) < _windowTicks;

    private void Run()
    {
        while (true)
        {
            _wake.Wait();
            Interlocked.Increment(ref _wakes);
            while (true)
            {
                IsSpinning = true;
                while (ShouldSpin()) Thread.Yield();
                IsSpinning = false;
                if (_stopping) return;
                Interlocked.Exchange(ref _sleeping, 1);
                // An activity between the last check and the flag would have found the flag clear and not woken us.
                if (!ShouldSpin() || Interlocked.Exchange(ref _sleeping, 0) == 0) break;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "Arbiter idle spin" };
            _thread.Start();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        if (_thread is not null)
        {
            _wake.Release();
            _thread.Join(TimeSpan.FromSeconds(1));
        }
        return Task.CompletedTask;
    }
}
