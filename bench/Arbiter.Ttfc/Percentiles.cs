using System.Diagnostics;

namespace Arbiter.Ttfc;

/// <summary>Nearest-rank percentiles of Stopwatch tick samples, in milliseconds.</summary>
public static class Percentiles
{
    public static double Ms(IReadOnlyList<long> sortedTicks, double p)
    {
        if (sortedTicks.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sortedTicks.Count);
        return sortedTicks[Math.Clamp(rank - 1, 0, sortedTicks.Count - 1)] * 1000.0 / Stopwatch.Frequency;
    }
}
