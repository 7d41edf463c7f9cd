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
        if (config.Deployments is not { Count: > 0 } list) return new ModelEntry(name, config, providers[config.Provider]);
        var deployments = list.Select(d => new Deployment(name, d.Name ?? d.Provider, providers[d.Provider],
            d.Model ?? config.Model ?? name, d, config.Price)).ToArray();
        return new ModelEntry(name, config, deployments[0].Provider) { Deployments = deployments };
    }

    public IEnumerable<ModelEntry> All => _models.Values;

    public bool TryGet(string name, out ModelEntry entry) => _models.TryGetValue(name, out entry!);

    public ModelEntry this[string name] => _models[name];
}
