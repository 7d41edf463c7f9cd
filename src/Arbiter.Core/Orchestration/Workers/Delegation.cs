namespace Arbiter.Core.Orchestration.Workers;

/// <summary>A sub-task as it was delegated: every try (worker model, the orchestrator's verdict and why) and the accepted result.</summary>
public sealed record Delegation(Subtask Subtask, IReadOnlyList<DelegationTry> Tries)
{
    public DelegationTry? Accepted => Tries.LastOrDefault(t => t.Verdict is Verdicts.Accept or Verdicts.Unchecked);
}
