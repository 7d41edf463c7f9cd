namespace Arbiter.Core.Orchestration.Chains;

/// <summary>A chain step as it ended: its accepted output and model (null when no try passed), and every try.</summary>
public sealed record ChainStepResult(string Name, string? Model, string? Output, bool Passed, IReadOnlyList<ChainAttempt> Attempts)
{
    /// <summary>The step was retried on a stronger model.</summary>
    public bool Escalated => Attempts.Count > 1;

    public decimal? CostUsd
    {
        get
        {
            decimal total = 0;
            foreach (var a in Attempts)
                if (a.CostUsd is decimal c) total += c;
                else if (a.Error is null) return null;
            return total;
        }
    }
}
