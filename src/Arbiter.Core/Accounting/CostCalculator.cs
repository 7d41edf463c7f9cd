using Arbiter.Core.Chat;
using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>
/// USD cost of one call from its usage (OpenAI convention: cached input and cache writes are subsets of input,
/// reasoning a subset of output) and the model's price; null when the model is unpriced (never $0).
/// Reasoning tokens are billed as output, which is how every provider bills them.
/// </summary>
public static class CostCalculator
{
    private const decimal PerMillion = 1_000_000m;

    public static decimal? Cost(TokenUsage? usage, PriceConfig? price)
    {
        if (usage is null || price?.Input is not decimal input || price.Output is not decimal output) return null;
        decimal? cachedPrice = price.CachedInput, writePrice = price.CacheWrite;
        if (price.LongContext is { Input: decimal longInput, Output: decimal longOutput } tier && usage.InputTokens > tier.AboveInputTokens)
        {
            input = longInput;
            output = longOutput;
            cachedPrice = tier.CachedInput;
            writePrice = tier.CacheWrite;
        }
        return Compute(usage, input, output, cachedPrice ?? input, writePrice ?? input);
    }

    /// <summary>An upper bound for a call not yet made: <paramref name="inputTokens"/> all uncached, <paramref name="outputTokens"/> in full.</summary>
    public static decimal? Estimate(long inputTokens, long outputTokens, PriceConfig? price) =>
        Cost(new TokenUsage { InputTokens = inputTokens, OutputTokens = outputTokens }, price);

    private static decimal Compute(TokenUsage usage, decimal input, decimal output, decimal cached, decimal write)
    {
        var uncached = Math.Max(0, usage.InputTokens - usage.CachedInputTokens - usage.CacheWriteTokens);
        var cost = uncached * input
            + usage.CachedInputTokens * cached
            + usage.CacheWriteTokens * write
            + usage.OutputTokens * output;
        return cost / PerMillion;
    }
}
