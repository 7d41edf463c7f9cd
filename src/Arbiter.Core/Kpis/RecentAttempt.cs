namespace Arbiter.Core.Kpis;

/// <summary>One attempt of a recent request: the model (and deployment) tried, how long, and the error kind if it failed.</summary>
public sealed record RecentAttempt(string Model, string Provider, double DurationMs, string? Error)
{
    public string? Deployment { get; init; }
    /// <summary>0 for the first call to the deployment, 1 for its first retry ...</summary>
    public int Retry { get; init; }
    /// <summary>Why no call was made (circuit_open, rate_limit, context_window); null for a real call.</summary>
    public string? Skipped { get; init; }
    /// <summary>What the call was for when not for the answer (<c>judge</c>); null for the request's own calls.</summary>
    public string? Purpose { get; init; }
}
