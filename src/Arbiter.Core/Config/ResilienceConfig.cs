namespace Arbiter.Core.Config;

/// <summary>
/// How the executor survives failing upstreams: retries, timeouts, a circuit breaker per deployment, optional
/// hedging, and how a deployment is chosen among a model's several. Defaults live in <see cref="ConfigDefaults"/>.
/// </summary>
public sealed record ResilienceConfig
{
    /// <summary>Default selection strategy for models with several deployments, one of <c>DeploymentSelectors</c>.</summary>
    public string LoadBalancing { get; init; } = ConfigDefaults.LoadBalancing;
    public RetryConfig Retry { get; init; } = new();
    public TimeoutsConfig Timeouts { get; init; } = new();
    public CircuitBreakerConfig CircuitBreaker { get; init; } = new();
    /// <summary>Off unless given.</summary>
    public HedgingConfig? Hedging { get; init; }
    /// <summary>Seed of the jitter and weighted choices; unset = a random seed at start-up.</summary>
    public int? Seed { get; init; }
}
