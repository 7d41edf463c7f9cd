namespace Arbiter.Core.Resilience;

/// <summary>
/// A deployment's live figures, updated lock-free: requests in flight (least-busy), a moving estimate of time to
/// first byte (lowest-latency), and per-minute requests and tokens against its RPM/TPM limits.
/// </summary>
public sealed class DeploymentLoad(int? rpm, long? tpm)
{
    /// <summary>Weight of the newest sample in the moving latency estimate.</summary>
    private const double Smoothing = 0.2;
    private static readonly long MinuteTicks = TimeSpan.TicksPerMinute;

    private int _inFlight;
    private long _ttfbBits = BitConverter.DoubleToInt64Bits(double.NaN);
    private long _window = -1;
    private int _requests;
    private long _tokens;

    public int? Rpm { get; } = rpm;
    public long? Tpm { get; } = tpm;
    public bool HasLimits { get; } = rpm is not null || tpm is not null;
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Moving time-to-first-byte estimate in milliseconds; NaN before the first sample.</summary>
    public double TimeToFirstByteMs => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _ttfbBits));

    public void Started() => Interlocked.Increment(ref _inFlight);
    public void Ended() => Interlocked.Decrement(ref _inFlight);

    public void RecordTimeToFirstByte(TimeSpan ttfb)
    {
        var sample = ttfb.TotalMilliseconds;
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref _ttfbBits);
            var old = BitConverter.Int64BitsToDouble(seen);
            next = BitConverter.DoubleToInt64Bits(double.IsNaN(old) ? sample : old + Smoothing * (sample - old));
        } while (Interlocked.CompareExchange(ref _ttfbBits, next, seen) != seen);
    }

    /// <summary>Whether one more request of about <paramref name="tokens"/> fits this minute's limits.</summary>
    public bool HasCapacity(DateTimeOffset now, long tokens)
    {
        if (!HasLimits) return true;
        Roll(now);
        return (Rpm is not int r || Volatile.Read(ref _requests) < r) && (Tpm is not long t || Interlocked.Read(ref _tokens) + tokens <= t);
    }

    /// <summary>Counts one request against the limits (called when it is sent).</summary>
    public void CountRequest(DateTimeOffset now, long tokens)
    {
        if (!HasLimits) return;
        Roll(now);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _tokens, tokens);
    }

    /// <summary>Adds tokens learnt after the call (the answer's usage beyond the prompt estimate).</summary>
    public void CountTokens(DateTimeOffset now, long tokens)
    {
        if (Tpm is null || tokens <= 0) return;
        Roll(now);
        Interlocked.Add(ref _tokens, tokens);
    }

    /// <summary>Time until the current minute's window ends (when a limited deployment has room again).</summary>
    public TimeSpan UntilNextWindow(DateTimeOffset now) => TimeSpan.FromTicks(MinuteTicks - now.UtcTicks % MinuteTicks);

    // Fixed one-minute windows: the first caller in a new minute resets the counts (a race costs at most a few requests' slack).
    private void Roll(DateTimeOffset now)
    {
        var window = now.UtcTicks / MinuteTicks;
        var seen = Interlocked.Read(ref _window);
        if (seen == window || Interlocked.CompareExchange(ref _window, window, seen) != seen) return;
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _tokens, 0);
    }
}
