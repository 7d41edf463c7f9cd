namespace Arbiter.Core.Kpis;

/// <summary>Nearest-rank percentiles: the smallest value with at least p% of the values at or below it (a value that occurred).</summary>
public static class Percentile
{
    /// <summary>The percentiles the KPIs report (whole percents, so the rank is exact integer arithmetic here and in SQL).</summary>
    public const int Median = 50, P95 = 95;

    /// <param name="values">Sorted ascending.</param>
    public static double? Of(IReadOnlyList<double> values, int p) =>
        values.Count == 0 ? null : values[(int)Rank(values.Count, p) - 1];

    /// <summary>
    /// The 1-based rank of the p-th percentile among <paramref name="count"/> sorted values: ceil(p × count / 100),
    /// at least 1. SQL stores compute the same rank as <c>(p * n + 99) / 100</c>, so both paths pick the same value.
    /// </summary>
    public static long Rank(long count, int p) => Math.Clamp((p * count + 99) / 100, 1, Math.Max(1, count));
}
