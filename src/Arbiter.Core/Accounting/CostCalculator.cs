using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>USD cost of one call from its usage and the model's price; null when the model is unpriced (never $0).</summary>
public static class CostCalculator
{
    private const decimal PerMillion = 1_000_000m;

    public static decimal? Cost(TokenUsage? usage, PriceConfig? price)
    {
        if (usage is null || price is null) return null;
        var uncached = Math.Max(0, usage.InputTokens - usage.CachedInputTokens - usage.CacheWriteTokens);
        var cost = uncached * price.Input
            + usage.CachedInputTokens * (price.CachedInput ?? price.Input)
            + usage.CacheWriteTokens * (price.CacheWrite ?? price.Input)
            + usage.OutputTokens * price.Output;
        return cost / PerMillion;
    }
}
