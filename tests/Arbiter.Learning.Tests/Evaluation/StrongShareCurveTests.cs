using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Tests.Evaluation;

public class StrongShareCurveTests
{
    private static readonly double[] Gain = [0.9, 0.1, 0.5, -0.2];
    private static readonly float[] Weak = [0, 1, 1, 0];
    private static readonly float[] Strong = [1, 1, 1, 1];

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.75, 0.25)]
    [InlineData(0.95, 1.0)]
    public void ShareReaching_RankedByGain_ReturnsSmallestStrongShare(double target, double expected)
    {
        Assert.Equal(expected, StrongShareCurve.ShareReaching(Gain, Weak, Strong, target));
    }

    [Fact]
    public void ShareReaching_TargetAboveStrong_IsNull()
    {
        Assert.Null(StrongShareCurve.ShareReaching(Gain, Weak, Strong, 1.5));
    }

    [Fact]
    public void QualityAt_TopTwoStrong_AveragesTheirStrongScores()
    {
        Assert.Equal(0.75, StrongShareCurve.QualityAt(Gain, Weak, Strong, 2), 12);
    }

    [Fact]
    public void ThresholdFor_HalfShare_SitsBetweenSecondAndThirdGain()
    {
        var t = StrongShareCurve.ThresholdFor(Gain, 0.5);

        Assert.Equal(0.3, t, 12);
        Assert.Equal(2, Gain.Count(g => g > t));
    }

    [Fact]
    public void ThresholdFor_ZeroAndFullShare_SendNoneAndAll()
    {
        Assert.Equal(0, Gain.Count(g => g > StrongShareCurve.ThresholdFor(Gain, 0)));
        Assert.Equal(4, Gain.Count(g => g > StrongShareCurve.ThresholdFor(Gain, 1)));
    }
}
