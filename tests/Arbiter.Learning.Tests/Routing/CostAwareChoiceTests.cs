using Arbiter.Learning.Routing;

namespace Arbiter.Learning.Tests.Routing;

public class CostAwareChoiceTests
{
    private static readonly float[] Quality = [0.6f, 0.8f, 0.9f];
    private static readonly double[] Cost = [1, 5, 20];

    [Theory]
    [InlineData(0, 2)]
    [InlineData(0.01, 1)]
    [InlineData(1, 0)]
    public void Choose_Lambda_TradesQualityForCost(double lambda, int expected)
    {
        Assert.Equal(expected, CostAwareChoice.Choose(Quality, Cost, lambda));
    }

    [Fact]
    public void Choose_Tie_PrefersCheaper()
    {
        Assert.Equal(0, CostAwareChoice.Choose([0.5f, 0.5f], [1, 2], 0));
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.01, 1)]
    [InlineData(0.06, 2)]
    public void ChooseWithMargin_CloseUtilities_RoutesUp(double margin, int expected)
    {
        // Utilities at lambda 0.01: 0.59, 0.75, 0.70.
        Assert.Equal(expected, CostAwareChoice.ChooseWithMargin(Quality, Cost, 0.01, margin));
    }
}
