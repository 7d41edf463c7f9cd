namespace Arbiter.Core.Config;

/// <summary>
/// One place a model is served: a provider (an account, key or region) and the provider's id of the model.
/// A model with <c>provider:</c> alone has one deployment; <c>deployments:</c> lists several.
/// </summary>
public sealed record DeploymentConfig
{
    public string Provider { get; init; } = "";
    /// <summary>The provider's own id of the model; defaults to the model's <c>model</c>, then its key.</summary>
    public string? Model { get; init; }
    /// <summary>Names the deployment in headers and records; defaults to the provider's name.</summary>
    public string? Name { get; init; }
    /// <summary>Share of traffic under the weighted strategy. Default <see cref="ConfigDefaults.DeploymentWeight"/>.</summary>
    public double Weight { get; init; } = ConfigDefaults.DeploymentWeight;
    /// <summary>Requests per minute this deployment accepts; at the limit it is skipped, not failed.</summary>
    public int? Rpm { get; init; }
    /// <summary>Tokens per minute (estimated prompt plus reported usage); at the limit it is skipped.</summary>
    public long? Tpm { get; init; }
    /// <summary>This deployment's price when it differs from the model's (used by the cheapest strategy and for cost).</summary>
    public PriceConfig? Price { get; init; }
}
