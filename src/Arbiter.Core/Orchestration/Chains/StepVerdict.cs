namespace Arbiter.Core.Orchestration.Chains;

/// <summary>A validator's answer on one step output: passed or not, and why in a few words.</summary>
public sealed record StepVerdict(bool Passed, string Reason)
{
    public static StepVerdict Pass(string reason = "ok") => new(true, reason);
    public static StepVerdict Fail(string reason) => new(false, reason);
}
