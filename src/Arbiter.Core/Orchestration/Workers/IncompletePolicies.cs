namespace Arbiter.Core.Orchestration.Workers;

/// <summary>
/// What an orchestration does when a sub-task's result was never accepted by the orchestrator's check, as written
/// under <c>orchestrators.NAME.on_incomplete</c>. Either way, no unaccepted result is ever used.
/// </summary>
public static class IncompletePolicies
{
    /// <summary>The request fails (502, code <c>orchestration_incomplete</c>) naming the sub-tasks and why.</summary>
    public const string Fail = "fail";
    /// <summary>The accepted results are composed, and the answer says plainly which sub-tasks are not done.</summary>
    public const string Disclose = "disclose";

    public static readonly IReadOnlyList<string> Known = [Fail, Disclose];
}
