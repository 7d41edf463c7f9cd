namespace Arbiter.Core.Config;

/// <summary>The whole configuration, as read from YAML (snake_case keys). Validated once by <see cref="ConfigValidator"/>.</summary>
public sealed record ArbiterConfig
{
    public ServerConfig Server { get; init; } = new();
    public Dictionary<string, ProviderConfig> Providers { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, ModelConfig> Models { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, TierConfig> Tiers { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, RouteConfig> Routes { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Learned answer scorers that cascade routes' <c>scorer</c> gate names (docs/routing.md).</summary>
    public Dictionary<string, AnswerScorerConfig> Scorers { get; init; } = new(StringComparer.Ordinal);
    // Models working together (docs/orchestration.md)
    public Dictionary<string, EnsembleConfig> Ensembles { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, ChainConfig> Chains { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, OrchestratorConfig> Orchestrators { get; init; } = new(StringComparer.Ordinal);
    public SessionsConfig Sessions { get; init; } = new();
    public ResilienceConfig Resilience { get; init; } = new();
    public StorageConfig Storage { get; init; } = new();
    public AuthConfig Auth { get; init; } = new();
    public AccountingConfig Accounting { get; init; } = new();
    /// <summary>Measured quality (0 to 1) per task, then per model; the task <c>default</c> applies to any task.</summary>
    public Dictionary<string, Dictionary<string, double>> Quality { get; init; } = new(StringComparer.Ordinal);
    public ObservabilityConfig Observability { get; init; } = new();
}
