using Arbiter.Core.Accounting;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Models;

/// <summary>Every configured model with its provider, built once at start-up; read-only afterwards.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelEntry> _models;

    public ModelCatalog(ArbiterConfig config, IReadOnlyDictionary<string, IChatProvider> providers)
    {
        _models = config.Models.ToDictionary(m => m.Key, m => Priced(new ModelEntry(m.Key, m.Value, providers[m.Value.Provider])), StringComparer.Ordinal);
    }

    // Prices are resolved once here (config, then the bundled catalogue), never per request.
    private static ModelEntry Priced(ModelEntry entry)
    {
        var (price, source, window) = ModelPricing.Resolve(entry.Name, entry.Config, entry.UpstreamModel, PriceCatalog.Bundled);
        return entry with { Price = price, PriceSource = source, ContextWindow = window };
    }

    public IEnumerable<ModelEntry> All => _models.Values;

    public bool TryGet(string name, out ModelEntry entry) => _models.TryGetValue(name, out entry!);

    public ModelEntry this[string name] => _models[name];
}
