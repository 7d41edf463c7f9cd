using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Tests.Evaluation;

public class AiqTests
{
    private static CostQualityPoint P(double cost, double quality) => new(cost, quality);

    [Fact]
    public void NonDecreasingConvexHull_PointsBelowHullAndAfterPeak_AreDropped()
    {
        var hull = Aiq.NonDecreasingConvexHull([P(3, 0.8), P(1, 0.5), P(1.5, 0.6), P(2, 0.9)]);

        Assert.Equal([P(1, 0.5), P(2, 0.9)], hull);
    }

    [Fact]
    public void Compute_RiseThenFlat_IsTrapezoidPlusRectangleOverRange()
    {
        // Hull (1,.5)-(2,.9), flat .9 to 3: area .7 + .9 = 1.6 over a range of 2.
        var aiq = Aiq.Compute([P(1, 0.5), P(1.5, 0.6), P(2, 0.9), P(3, 0.8)], 1, 3);

        Assert.Equal(0.8, aiq, 12);
    }

    [Fact]
    public void Compute_PointBelowChord_UsesTheChord()
    {
        // (2,.3) lies under the chord (1,.2)-(3,.9): area (.2+.9)/2*2 = 1.1 over 2.
        Assert.Equal(0.55, Aiq.Compute([P(1, 0.2), P(2, 0.3), P(3, 0.9)], 1, 3), 12);
    }

    [Fact]
    public void Compute_RouterCheapestAboveRangeStart_CountsZeroBelowIt()
    {
        // Nothing reachable on [1,2), .8 on [2,3]: .8 over 2.
        Assert.Equal(0.4, Aiq.Compute([P(2, 0.8), P(3, 0.8)], 1, 3), 12);
    }

    [Fact]
    public void Compute_PointsBeyondRange_IntegratesOnlyInsideRange()
    {
        // Line q = .4 + .1c from 0 to 4; integral over [1,3] = .8 + .4 = 1.2, over 2.
        Assert.Equal(0.6, Aiq.Compute([P(0, 0.4), P(4, 0.8)], 1, 3), 12);
    }

    [Fact]
    public void Compute_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => Aiq.Compute([P(1, 1)], 2, 2));
    }
}
