namespace Arbiter.Core.Kpis;

/// <summary>Nearest-rank percentiles: the smallest value with at least p% of the values at or below it (a value that occurred).</summary>
public static class Percentile
{
    /// <param name="values">Sorted ascending.</param>
    public static double? Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100 * values.Count);
        return values[Math.Clamp(rank, 1, values.Count) - 1];
    }
}
