using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.Models;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Kpis;

public class KpiPricingTests
{
    private static ModelEntry Model(string name, PriceConfig? price, string? tier = null) =>
        new(name, new ModelConfig { Provider = "p", Price = price, Tier = tier }, new FakeChatProvider("p"));

    [Fact]
    public void From_Models_StrongestIsTheMostExpensivePricedOne()
    {
        var pricing = KpiPricing.From([
            Model("mini", new PriceConfig { Input = 0.15m, Output = 0.6m }, "fast"),
            Model("opus", new PriceConfig { Input = 15m, Output = 75m }, "deep"),
            Model("local", null, "private"),
        ]);
        Assert.Equal("opus", pricing.StrongestModel);
        Assert.Equal(75m, pricing.StrongestPrice!.Output);
        Assert.Equal("private", pricing.TierOf("local"));
        Assert.Null(pricing.TierOf("unknown"));
    }

    [Fact]
    public void From_NoPricedModel_NoStrongest() =>
        Assert.Null(KpiPricing.From([Model("local", null)]).StrongestModel);
}
