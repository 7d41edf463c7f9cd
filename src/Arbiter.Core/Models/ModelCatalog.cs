using Arbiter.Core.Accounting;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Models;

/// <summary>Every configured model with its provider and deployments, built once at start-up; read-only afterwards.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelEntry> _models;

    public ModelCatalog(ArbiterConfig config, IReadOnlyDictionary<string, IChatProvider> providers)
    {
        _models = config.Models.ToDictionary(m => m.Key, m => Entry(m.Key, m.Value, providers), StringComparer.Ordinal);
    }

    private static ModelEntry Entry(string name, ModelConfig config, IReadOnlyDictionary<string, IChatProvider> providers)
    {
        var list = config.Deployments is { Count: > 0 } given ? given : [new DeploymentConfig { Provider = config.Provider }];
        var entry = new ModelEntry(name, config, providers[list[0].Provider]) { Deployments = Deployments(name, config, list, providers, config.Price) };
        var priced = Priced(entry);
        // Deployments without a price of their own take the model's, which may have come from the catalogue.
        return ReferenceEquals(priced.Price, config.Price) ? priced : priced with { Deployments = Deployments(name, config, list, providers, priced.Price) };
    }

    private static Deployment[] Deployments(string name, ModelConfig config, List<DeploymentConfig> list,
        IReadOnlyDictionary<string, IChatProvider> providers, PriceConfig? modelPrice) =>
        list.Select(d => new Deployment(name, d.Name ?? d.Provider, providers[d.Provider], d.Model ?? config.Model ?? name, d, modelPrice)).ToArray();

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
