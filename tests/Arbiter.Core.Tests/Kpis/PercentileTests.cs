using Arbiter.Core.Kpis;

namespace Arbiter.Core.Tests.Kpis;

public class PercentileTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(90, 9)]
    [InlineData(10, 1)]
    [InlineData(0, 1)]
    [InlineData(100, 10)]
    public void Of_OneToTen_NearestRank(int p, double expected) =>
        Assert.Equal(expected, Percentile.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p));

    [Theory]
    [InlineData(20, 95, 19)] // 0.95 * 20 in floating point is not exactly 19; the rank must be
    [InlineData(7, 50, 4)]
    [InlineData(1, 95, 1)]
    [InlineData(200, 95, 190)]
    public void Rank_ExactIntegerCeiling(long count, int p, long expected) => Assert.Equal(expected, Percentile.Rank(count, p));

    [Fact]
    public void Of_Empty_IsNull() => Assert.Null(Percentile.Of([], 95));
}
