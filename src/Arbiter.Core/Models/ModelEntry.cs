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
    public PriceConfig? Price => Config.Price;
    public string? Tier => Config.Tier;
    public int? ContextWindow => Config.ContextWindow;

    /// <summary>Where the model is served; the first is at <see cref="Provider"/>. Never empty.</summary>
    public IReadOnlyList<Deployment> Deployments { get; init; } =
        [new Deployment(Name, Provider.Name, Provider, Config.Model ?? Name, new DeploymentConfig { Provider = Provider.Name }, Config.Price)];
}
