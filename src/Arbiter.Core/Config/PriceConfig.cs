namespace Arbiter.Core.Config;

/// <summary>
/// USD per million tokens. <see cref="Input"/> and <see cref="Output"/> are both required (a half-written price
/// must not make the other half free); cached input and cache writes default to the input price when absent.
/// </summary>
public sealed record PriceConfig
{
    public decimal? Input { get; init; }
    public decimal? Output { get; init; }
    public decimal? CachedInput { get; init; }
    public decimal? CacheWrite { get; init; }
    /// <summary>Prices above a prompt size, for models billed by tier (optional).</summary>
    public LongContextPriceConfig? LongContext { get; init; }
}
