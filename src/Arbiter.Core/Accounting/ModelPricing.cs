using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>
/// A model's effective price and context window: the config's <c>price:</c> when given (as a whole: a config price
/// replaces the catalogue's, it is not merged field by field), else the bundled catalogue by the provider's model
/// id, then by the configured name; else unpriced (null), reported as such.
/// </summary>
public static class ModelPricing
{
    public const string FromConfig = "config";
    public const string FromCatalog = "catalog";

    public static (PriceConfig? Price, string? Source, int? ContextWindow) Resolve(string name, ModelConfig config, string upstreamModel, PriceCatalog catalog)
    {
        CatalogEntry? entry = catalog.TryFind(upstreamModel, out var e) || catalog.TryFind(name, out e) ? e : null;
        var window = config.ContextWindow ?? entry?.ContextWindow;
        if (config.Price is { } price) return (price, FromConfig, window);
        return entry is null ? (null, null, window) : (entry.Price, FromCatalog, window);
    }
}
