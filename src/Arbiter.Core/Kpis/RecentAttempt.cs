namespace Arbiter.Core.Kpis;

/// <summary>One attempt of a recent request: the model tried, how long, and the error kind if it failed.</summary>
public sealed record RecentAttempt(string Model, string Provider, double DurationMs, string? Error);
