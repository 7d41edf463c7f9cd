namespace Arbiter.Core.Orchestration.Chains;

/// <summary>A validator's answer on one step output: passed or not, and why in a few words.</summary>
public sealed record StepVerdict(bool Passed, string Reason)
{
    /// <summary>No check could be made (the governor refused the validator's call): the output is not used, and a stronger model would not change that.</summary>
    public bool Unchecked { get; init; }

    public static StepVerdict Pass(string reason = "ok") => new(true, reason);
    public static StepVerdict Fail(string reason) => new(false, reason);
    public static StepVerdict NotChecked(string reason) => new(false, reason) { Unchecked = true };
}
