using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Models;

/// <summary>
/// A configured model joined with the provider that serves it, and with every <see cref="Deployment"/> of it
/// (one, at <see cref="Provider"/>, unless the configuration lists several).
/// </summary>
public sealed record ModelEntry(string Name, ModelConfig Config, IChatProvider Provider)
{
    /// <summary>The provider's own id of the model (at its first deployment).</summary>
    public string UpstreamModel => Deployments[0].UpstreamModel;
    /// <summary>USD per million tokens: config first, then the bundled catalogue (see <see cref="Accounting.ModelPricing"/>); null = unpriced.</summary>
    public PriceConfig? Price { get; init; } = Config.Price;
    /// <summary>Where <see cref="Price"/> came from: "config", "catalog", or null when unpriced.</summary>
    public string? PriceSource { get; init; } = Config.Price is null ? null : Accounting.ModelPricing.FromConfig;
    /// <summary>Context window in tokens (config, then catalogue), when known.</summary>
    public int? ContextWindow { get; init; } = Config.ContextWindow;
    public string? Tier => Config.Tier;

    /// <summary>Where the model is served; the first is at <see cref="Provider"/>. Never empty.</summary>
    public IReadOnlyList<Deployment> Deployments { get; init; } =
        [new Deployment(Name, Provider.Name, Provider, Config.Model ?? Name, new DeploymentConfig { Provider = Provider.Name }, Config.Price)];
}
