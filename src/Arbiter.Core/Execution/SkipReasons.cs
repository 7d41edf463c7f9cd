namespace Arbiter.Core.Execution;

/// <summary>Why a deployment or model was passed over without a call (<see cref="Attempt.Skipped"/>).</summary>
public static class SkipReasons
{
    public const string CircuitOpen = "circuit_open";
    public const string RateLimit = "rate_limit";
    public const string ContextWindow = "context_window";
}
