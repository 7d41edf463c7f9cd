namespace Arbiter.Core.Orchestration.Governance;

/// <summary>
/// Decides whether a composite request may make one more call beyond its first (an extra ensemble member, a judge,
/// a supervisor, a retry): the per-request cost cap and the per-key cap on extra calls per minute.
/// </summary>
public interface IFanOutGovernor
{
    /// <returns>Null when the call may go ahead (its estimate is then reserved on the budget); else why not.</returns>
    string? TryStartExtraCall(FanOutBudget budget, decimal? estimatedCostUsd);
}
