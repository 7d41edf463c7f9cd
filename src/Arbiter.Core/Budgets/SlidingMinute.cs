namespace Arbiter.Core.Budgets;

/// <summary>
/// A per-minute count with a sliding estimate: the previous minute's count weighted by how much of it still lies in
/// the last 60 s, plus this minute's. Exact enough for RPM/TPM limits and O(1) in memory. Not thread-safe: the owner
/// holds its lock.
/// </summary>
internal struct SlidingMinute
{
    private long _minute;
    private long _previous;
    private long _current;

    public double Estimate(DateTimeOffset now)
    {
        Roll(now);
        var intoMinute = (now.ToUnixTimeMilliseconds() % 60_000) / 60_000.0;
        return _previous * (1 - intoMinute) + _current;
    }

    public void Add(long amount, DateTimeOffset now)
    {
        Roll(now);
        _current = Math.Max(0, _current + amount);
    }

    /// <summary>Time until this minute ends, when the estimate next drops.</summary>
    public static TimeSpan UntilNextMinute(DateTimeOffset now) =>
        TimeSpan.FromMilliseconds(60_000 - now.ToUnixTimeMilliseconds() % 60_000);

    private void Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        if (minute == _minute) return;
        _previous = minute == _minute + 1 ? _current : 0;
        _current = 0;
        _minute = minute;
    }
}
