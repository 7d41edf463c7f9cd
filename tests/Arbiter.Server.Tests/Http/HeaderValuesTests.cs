using System.Globalization;
using Arbiter.Server.Http;

namespace Arbiter.Server.Tests.Http;

public sealed class HeaderValuesTests
{
    public static TheoryData<decimal> Costs => new()
    {
        0m, 0.0000090m, 0.000009m, 12.5m, 10m, 0.00000000004m, 0.00000000005m, 0.00000000015m, 1234567.123456789012345m, 0.1234567890m,
    };

    [Theory]
    [MemberData(nameof(Costs))]
    public void Cost_IsTenDecimalsWithoutTrailingZeros(decimal cost) =>
        Assert.Equal(cost.ToString("0.##########", CultureInfo.InvariantCulture), HeaderValues.Cost(cost));

    [Fact]
    public void Cost_Examples()
    {
        Assert.Equal("0.000009", HeaderValues.Cost(0.0000090m));
        Assert.Equal("10", HeaderValues.Cost(10m));
        Assert.Equal("0", HeaderValues.Cost(0m));
        Assert.Equal("0.0000000001", HeaderValues.Cost(0.00000000005m));
    }

    [Fact]
    public void Cost_NoPrice_IsUnpricedNotZero() => Assert.Equal("unpriced", HeaderValues.Cost(null));

    [Theory]
    [InlineData(2.5, "2.500")]
    [InlineData(0.0421, "0.042")]
    [InlineData(1234.56789, "1234.568")]
    [InlineData(-0.5, "0.000")]
    [InlineData(0, "0.000")]
    [InlineData(0.0005, "0.001")]   // half a microsecond rounds up
    [InlineData(0.0004, "0.000")]
    [InlineData(0.0999, "0.100")]
    [InlineData(7.007, "7.007")]
    [InlineData(86_400_000.25, "86400000.250")]
    public void Milliseconds_ThreeDecimalsNeverNegative(double ms, string expected) =>
        Assert.Equal(expected, HeaderValues.Milliseconds(TimeSpan.FromMilliseconds(ms)));

    [Fact]
    public void Milliseconds_LongestSpan_DoesNotOverflow() =>
        Assert.Equal((TimeSpan.MaxValue.Ticks / 10_000).ToString(CultureInfo.InvariantCulture) + ".581", HeaderValues.Milliseconds(TimeSpan.MaxValue));
}
