using System.Globalization;
using Arbiter.Core.Budgets;

namespace Arbiter.Core.Orchestration.Governance;

/// <summary>
/// The mode's own cost cap (an ensemble's or chain's <c>max_cost_usd</c>, on the <see cref="FanOutBudget"/>), then the
/// accounting layer's <see cref="CostGovernor"/> on the request's admission ticket: the global and per-key request
/// cost cap, the per-key cap on extra calls per minute, and the key's and team's budgets (the estimate reserved).
/// </summary>
public sealed class TicketFanOutGovernor(CostGovernor governor) : IFanOutGovernor
{
    public string? TryStartExtraCall(FanOutBudget budget, decimal? estimatedCostUsd)
    {
        if (!budget.TryReserve(estimatedCostUsd, out var committed))
            return estimatedCostUsd is null
                ? "the call's model has no price and this request has a cost cap"
                : string.Create(CultureInfo.InvariantCulture,
                    $"the call (up to ${estimatedCostUsd:0.######}) would take the request past its cost cap of ${budget.MaxCostUsd} (committed ${committed:0.######})");
        if (governor.TryStartExtraCall(budget.Ticket, estimatedCostUsd) is { } refusal)
        {
            budget.Settle(estimatedCostUsd, 0);
            return refusal.Message;
        }
        return null;
    }
}
