namespace Arbiter.Core.Orchestration.Workers;

/// <summary>The orchestrator's verdicts on a worker's result.</summary>
public static class Verdicts
{
    public const string Accept = "accept";
    public const string Retry = "retry";
    public const string Escalate = "escalate";
    /// <summary>No verdict could be had (the check was refused, failed or unreadable): the result is never used.</summary>
    public const string Unchecked = "unchecked";
    /// <summary>The worker's call failed or was refused.</summary>
    public const string Failed = "failed";
}
