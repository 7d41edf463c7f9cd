namespace Arbiter.Core.Config;

/// <summary>Shared-state sessions (<c>/v1/sessions</c>): who answers turns and how conflicts are retried.</summary>
public sealed record SessionsConfig
{
    /// <summary>The model or route that answers turns when the turn names none. Default: the route <c>auto</c> when configured, else the first model.</summary>
    public string? Model { get; init; }
    /// <summary>How often a turn whose patch lost a race (the state moved on) is asked again on the new state. Default 3.</summary>
    public int MaxConflictRetries { get; init; } = ConfigDefaults.SessionMaxConflictRetries;
    /// <summary>Document paths no patch may change (the session's constraints by default).</summary>
    public List<string>? ReadOnlyPaths { get; init; }
}
