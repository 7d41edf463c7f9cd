namespace Arbiter.Core.Config;

/// <summary>A model clients can ask for by its key, served by one provider.</summary>
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
}
