namespace Arbiter.Core.Config;

/// <summary>A model clients can ask for by its key, served by one provider or by several <see cref="Deployments"/>.</summary>
public sealed record ModelConfig
{
    public string Provider { get; init; } = "";
    /// <summary>The provider's own id of the model (an Azure deployment name for azure); defaults to the key.</summary>
    public string? Model { get; init; }
    public string? Tier { get; init; }
    /// <summary>USD per million tokens. A model without a price is reported unpriced, never $0.</summary>
    public PriceConfig? Price { get; init; }
    /// <summary>Context window in tokens, when known.</summary>
    public int? ContextWindow { get; init; }
    /// <summary>How the simulator behaves for this model (simulated providers only).</summary>
    public SimulationConfig? Simulation { get; init; }
    /// <summary>Several places serving this model, instead of <see cref="Provider"/> alone.</summary>
    public List<DeploymentConfig>? Deployments { get; init; }
    /// <summary>How one of <see cref="Deployments"/> is chosen, one of <c>DeploymentSelectors</c>; default <c>resilience.load_balancing</c>.</summary>
    public string? LoadBalancing { get; init; }
    /// <summary>Models to try when every deployment of this one failed with a retryable error.</summary>
    public List<string>? Fallbacks { get; init; }
    /// <summary>Models to try when the prompt does not fit this one's context window (checked before calling it).</summary>
    public List<string>? ContextWindowFallbacks { get; init; }
    /// <summary>Models to try when this one refuses the content under its policy.</summary>
    public List<string>? ContentPolicyFallbacks { get; init; }
}
