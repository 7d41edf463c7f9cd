namespace Arbiter.Core.Orchestration.Workers;

/// <summary>A sub-task as it was delegated: every try (worker model, the orchestrator's verdict and why) and the accepted result.</summary>
public sealed record Delegation(Subtask Subtask, IReadOnlyList<DelegationTry> Tries)
{
    /// <summary>The try the orchestrator's check accepted; null when none was (an unchecked result is never used).</summary>
    public DelegationTry? Accepted => Tries.LastOrDefault(t => t.Verdict == Verdicts.Accept);

    /// <summary>Why the sub-task has no accepted result: the last try's verdict and reason.</summary>
    public string Why => Tries.Count == 0 ? "no try was made" : $"{Tries[^1].Verdict} on {Tries[^1].Model}: {Tries[^1].Reason}"
        + (Tries[^1].Verdict == Verdicts.Escalate ? " (no stronger model)" : "");
}
