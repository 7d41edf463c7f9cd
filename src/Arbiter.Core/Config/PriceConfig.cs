namespace Arbiter.Core.Config;

/// <summary>USD per million tokens. Cached input and cache writes default to the input price when absent.</summary>
public sealed record PriceConfig
{
    public decimal Input { get; init; }
    public decimal Output { get; init; }
    public decimal? CachedInput { get; init; }
    public decimal? CacheWrite { get; init; }
}
