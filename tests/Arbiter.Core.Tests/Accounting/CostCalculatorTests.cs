using System.Globalization;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Core.Tests.Accounting;

public sealed class CostCalculatorTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
    private static decimal? OptionalD(string? s) => s is null ? null : D(s);

    [Theory]
    // input, cached, cache writes, output, reasoning | input price, output price, cached price, cache-write price | expected USD
    [InlineData(1_000_000, 0, 0, 0, 0, "2.50", "10", null, null, "2.50")]
    [InlineData(0, 0, 0, 1_000_000, 0, "2.50", "10", null, null, "10")]
    [InlineData(1, 0, 0, 0, 0, "0.15", "0.60", null, null, "0.00000015")]
    [InlineData(1234, 0, 0, 567, 0, "0.15", "0.60", null, null, "0.0005253")]
    [InlineData(1_000_000, 400_000, 0, 0, 0, "2.50", "10", "1.25", null, "2.00")]
    [InlineData(1_000_000, 400_000, 0, 0, 0, "2.50", "10", null, null, "2.50")]
    [InlineData(1_000_000, 0, 200_000, 0, 0, "3.00", "15", "0.30", "3.75", "3.15")]
    [InlineData(1_000_000, 0, 200_000, 0, 0, "3.00", "15", "0.30", null, "3.00")]
    [InlineData(1_000_000, 300_000, 200_000, 0, 0, "3.00", "15", "0.30", "3.75", "2.34")]
    [InlineData(0, 0, 0, 1000, 800, "1", "10", null, null, "0.01")]
    [InlineData(0, 0, 0, 0, 0, "2.50", "10", null, null, "0")]
    [InlineData(3, 0, 0, 0, 0, "0.1", "0", null, null, "0.0000003")]
    public void Cost_Usage_ExactDecimal(long input, long cached, long cacheWrite, long output, long reasoning,
        string inPrice, string outPrice, string? cachedPrice, string? writePrice, string expected)
    {
        var usage = new TokenUsage { InputTokens = input, CachedInputTokens = cached, CacheWriteTokens = cacheWrite, OutputTokens = output, ReasoningTokens = reasoning };
        var price = new PriceConfig { Input = D(inPrice), Output = D(outPrice), CachedInput = OptionalD(cachedPrice), CacheWrite = OptionalD(writePrice) };

        var cost = CostCalculator.Cost(usage, price);

        Assert.Equal(D(expected), cost);
    }

    [Fact]
    public void Cost_ManySmallCalls_SumExactlyWithoutFloatingPointDrift()
    {
        var price = new PriceConfig { Input = 0.15m, Output = 0.60m };
        var usage = new TokenUsage { InputTokens = 7, OutputTokens = 3 };

        var total = Enumerable.Range(0, 1_000_000).Sum(_ => CostCalculator.Cost(usage, price)!.Value);

        Assert.Equal(2.85m, total);
    }

    [Fact]
    public void Cost_Unpriced_IsNullNotZero()
    {
        Assert.Null(CostCalculator.Cost(new TokenUsage { InputTokens = 1000, OutputTokens = 10 }, null));
    }

    [Fact]
    public void Cost_HalfAPrice_IsUnpricedNotHalfFree()
    {
        var usage = new TokenUsage { InputTokens = 1000, OutputTokens = 10 };

        Assert.Null(CostCalculator.Cost(usage, new PriceConfig { Output = 10m }));
        Assert.Null(CostCalculator.Cost(usage, new PriceConfig { Input = 2.5m }));
    }

    [Fact]
    public void Cost_NoUsage_IsNull()
    {
        Assert.Null(CostCalculator.Cost(null, new PriceConfig { Input = 1m, Output = 1m }));
    }

    [Fact]
    public void Cost_CachedExceedsInput_NeverNegativeUncachedPart()
    {
        var cost = CostCalculator.Cost(new TokenUsage { InputTokens = 100, CachedInputTokens = 150 },
            new PriceConfig { Input = 1m, Output = 1m, CachedInput = 0.5m });

        Assert.Equal(0.000075m, cost);
    }

    [Theory]
    // Gemini 2.5 Pro: 1.25/10 up to 200k input tokens, 2.50/15 above, for the whole call.
    [InlineData(200_000, 1000, "0.26")]
    [InlineData(200_001, 1000, "0.5150025")]
    public void Cost_LongContextTier_AppliesAboveThresholdToWholeCall(long input, long output, string expected)
    {
        var price = new PriceConfig
        {
            Input = 1.25m, Output = 10m,
            LongContext = new LongContextPriceConfig { AboveInputTokens = 200_000, Input = 2.50m, Output = 15m },
        };

        Assert.Equal(D(expected), CostCalculator.Cost(new TokenUsage { InputTokens = input, OutputTokens = output }, price));
    }

    [Fact]
    public void Estimate_AllInputUncached_IsUpperBoundOfCachedCall()
    {
        var price = new PriceConfig { Input = 2.5m, Output = 10m, CachedInput = 1.25m };
        var actual = CostCalculator.Cost(new TokenUsage { InputTokens = 1000, CachedInputTokens = 800, OutputTokens = 100 }, price);

        var estimate = CostCalculator.Estimate(1000, 100, price);

        Assert.Equal(0.0035m, estimate);
        Assert.True(estimate > actual);
    }
}
