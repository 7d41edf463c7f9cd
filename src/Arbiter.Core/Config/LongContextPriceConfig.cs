namespace Arbiter.Core.Config;

/// <summary>
/// Higher prices for a whole call whose input exceeds <see cref="AboveInputTokens"/> (Gemini 2.5 Pro, Claude Sonnet 4
/// with the 1M window). USD per million tokens; absent cached and cache-write prices fall back to this tier's input.
/// </summary>
public sealed record LongContextPriceConfig
{
    public long AboveInputTokens { get; init; }
    public decimal? Input { get; init; }
    public decimal? Output { get; init; }
    public decimal? CachedInput { get; init; }
    public decimal? CacheWrite { get; init; }
}
