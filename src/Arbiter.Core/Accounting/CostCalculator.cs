using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>USD cost of one call from its usage and the model's price; null when the model is unpriced (never $0).</summary>
public static class CostCalculator
{
    private const decimal PerMillion = 1_000_000m;

    public static decimal? Cost(TokenUsage? usage, PriceConfig? price)
    {
        if (usage is null || price?.Input is not decimal input || price.Output is not decimal output) return null;
        var uncached = Math.Max(0, usage.InputTokens - usage.CachedInputTokens - usage.CacheWriteTokens);
        var cost = uncached * input
            + usage.CachedInputTokens * (price.CachedInput ?? input)
            + usage.CacheWriteTokens * (price.CacheWrite ?? input)
            + usage.OutputTokens * output;
        return cost / PerMillion;
    }
}
