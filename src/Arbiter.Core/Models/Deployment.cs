using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Core.Resilience;

namespace Arbiter.Core.Models;

/// <summary>
/// One place a model is served (a provider and its id of the model), with its live load: requests in flight, a
/// moving time-to-first-byte estimate and its per-minute usage. A class, so it is looked up by reference.
/// </summary>
public sealed class Deployment(string model, string name, IChatProvider provider, string upstreamModel, DeploymentConfig config, PriceConfig? modelPrice)
{
    /// <summary>The configured model this deployment serves.</summary>
    public string Model { get; } = model;
    /// <summary>Unique within its model; the provider's name unless configured.</summary>
    public string Name { get; } = name;
    public IChatProvider Provider { get; } = provider;
    /// <summary>The provider's own id of the model.</summary>
    public string UpstreamModel { get; } = upstreamModel;
    public double Weight { get; } = config.Weight;
    /// <summary>The deployment's own price, else the model's; null = unpriced.</summary>
    public PriceConfig? Price { get; } = config.Price ?? modelPrice;
    public DeploymentLoad Load { get; } = new(config.Rpm, config.Tpm);
    /// <summary><c>model/deployment</c>, as headers and records show it.</summary>
    public string Label { get; } = model + "/" + name;

    public override string ToString() => Label;
}
