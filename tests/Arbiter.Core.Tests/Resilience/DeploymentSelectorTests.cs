using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Resilience;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>The four selection strategies, each over deployments with a known load, latency, weight or price.</summary>
public sealed class DeploymentSelectorTests
{
    private static Deployment D(string name, double weight = 1, decimal? price = null) =>
        new("m", name, new ScriptedChatProvider(name), "up-" + name, new DeploymentConfig { Provider = name, Weight = weight },
            price is decimal p ? new PriceConfig { Input = p, Output = p } : null);

    [Fact]
    public void Weighted_PicksInProportionToWeight()
    {
        var list = new[] { D("a", weight: 3), D("b", weight: 1) };
        var selector = new WeightedSelector(new Random(7));

        var a = Enumerable.Range(0, 4000).Count(_ => selector.Pick(list, 0) == 0);

        Assert.InRange(a, 2800, 3200); // 3/4 of 4000 = 3000
    }

    [Fact]
    public void Weighted_NeverPicksExcluded_AndMinusOneWhenAllAre()
    {
        var list = new[] { D("a"), D("b"), D("c") };
        var selector = new WeightedSelector(new Random(7));

        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal(1, selector.Pick(list, 0b101)));
        Assert.Equal(-1, selector.Pick(list, 0b111));
    }

    [Fact]
    public void Weighted_AllWeightsZero_EqualChances()
    {
        var list = new[] { D("a", weight: 0), D("b", weight: 0) };
        var selector = new WeightedSelector(new Random(7));

        var a = Enumerable.Range(0, 2000).Count(_ => selector.Pick(list, 0) == 0);

        Assert.InRange(a, 850, 1150);
    }

    [Fact]
    public void LeastBusy_PicksFewestInFlight()
    {
        var list = new[] { D("a"), D("b"), D("c") };
        list[0].Load.Started();
        list[0].Load.Started();
        list[1].Load.Started();
        list[2].Load.Started();

        Assert.Equal(1, new LeastBusySelector().Pick(list, 0));
        Assert.Equal(2, new LeastBusySelector().Pick(list, 0b010));
    }

    [Fact]
    public void LowestLatency_UnmeasuredFirst_ThenLowestMovingEstimate()
    {
        var list = new[] { D("a"), D("b") };
        list[0].Load.RecordTimeToFirstByte(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, new LowestLatencySelector().Pick(list, 0));

        list[1].Load.RecordTimeToFirstByte(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, new LowestLatencySelector().Pick(list, 0));

        for (var i = 0; i < 10; i++) list[0].Load.RecordTimeToFirstByte(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(1, new LowestLatencySelector().Pick(list, 0));
        Assert.InRange(list[0].Load.TimeToFirstByteMs, 800, 1000);
    }

    [Fact]
    public void Cheapest_LowestPrice_UnpricedLast()
    {
        var list = new[] { D("unpriced"), D("dear", price: 5), D("cheap", price: 1) };

        Assert.Equal(2, new CheapestSelector().Pick(list, 0));
        Assert.Equal(1, new CheapestSelector().Pick(list, 0b100));
        Assert.Equal(0, new CheapestSelector().Pick(list, 0b110));
    }

    [Fact]
    public void Create_HasEveryNamedStrategy()
    {
        var selectors = DeploymentSelectors.Create(new Random(1));

        Assert.Equal(DeploymentSelectors.All.Order(), selectors.Keys.Order());
        Assert.All(selectors, kv => Assert.Equal(kv.Key, kv.Value.Name));
    }
}
