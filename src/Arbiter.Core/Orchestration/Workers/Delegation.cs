namespace Arbiter.Core.Orchestration.Workers;

/// <summary>A sub-task as it was delegated: every try (worker model, the orchestrator's verdict and why) and the accepted result.</summary>
public sealed record Delegation(Subtask Subtask, IReadOnlyList<DelegationTry> Tries)
{
    public DelegationTry? Accepted => Tries.LastOrDefault(t => t.Verdict is Verdicts.Accept or Verdicts.Unchecked);
}

/// <summary>One worker's try at a sub-task and the orchestrator's verdict on it.</summary>
public sealed record DelegationTry(string Model, string? Result, string Verdict, string Reason, decimal? CostUsd);

/// <summary>The orchestrator's verdicts on a worker's result.</summary>
public static class Verdicts
{
    public const string Accept = "accept";
    public const string Retry = "retry";
    public const string Escalate = "escalate";
    /// <summary>No verdict could be had (the check was refused or failed): used, and flagged.</summary>
    public const string Unchecked = "unchecked";
    /// <summary>The worker's call failed or was refused.</summary>
    public const string Failed = "failed";
}
