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
/// requests in flight) it sleeps. It stays asleep until requests have been alone for <see cref="DefaultQuietAfterLoad"/>:
/// under load the count dips to one between overlapping requests, and spinning (or only being woken) in those gaps
/// cost CPU that bought nothing (measured at 16 connections, docs/performance.md). Every HTTP request counts (see
/// UnhandledErrors); an orchestrated one counts once however many upstream calls it makes, so at worst it spins while
/// those few calls are out.
/// </summary>
internal sealed class IdleSpinner : IHostedService
{
    /// <summary>How long requests must have been alone (never two in flight) before it spins again.</summary>
    public static readonly TimeSpan DefaultQuietAfterLoad = TimeSpan.FromMilliseconds(1);

    private readonly long _windowTicks;
    private readonly long _quietTicks;
    // Never disposed: a request finishing after shutdown may still release it (it holds no handle until one is asked for).
    private readonly SemaphoreSlim _wake = new(0);
    private Thread? _thread;
    private volatile bool _stopping;
    private int _inFlight;
    private int _sleeping = 1;
    private long _lastActivity;
    private long _lastConcurrent = long.MinValue / 2;
    private int _wakes;

    /// <param name="microseconds">The window: how long it spins after the last activity; 0 turns it off.</param>
    /// <param name="quietAfterLoad">Default <see cref="DefaultQuietAfterLoad"/> (tests shorten or lengthen it).</param>
    public IdleSpinner(int microseconds, TimeSpan? quietAfterLoad = null)
    {
        _windowTicks = microseconds * Stopwatch.Frequency / 1_000_000;
        _quietTicks = (long)((quietAfterLoad ?? DefaultQuietAfterLoad).TotalSeconds * Stopwatch.Frequency);
    }

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
        else Volatile.Write(ref _lastConcurrent, Stopwatch.GetTimestamp());
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
        var now = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastActivity, now);
        // Load moments ago: a wake-up now would find nothing to spin for.
        if (now - Volatile.Read(ref _lastConcurrent) < _quietTicks) return;
        if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Release();
    }

    private bool ShouldSpin()
    {
        if (_stopping || Volatile.Read(ref _inFlight) > 1) return false;
        var now = Stopwatch.GetTimestamp();
        return now - Interlocked.Read(ref _lastActivity) < _windowTicks && now - Volatile.Read(ref _lastConcurrent) >= _quietTicks;
    }

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
