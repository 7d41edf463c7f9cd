using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Models;
using Arbiter.Core.Tokens;

namespace Arbiter.Core.Budgets;

/// <summary>
/// One request's <see cref="CostGovernor"/> gate in the form a fan-out caller (the cascade, a parallel mode) uses:
/// it estimates the next call's cost itself (prompt tokens by the estimator, output = max_tokens or the reserved
/// default) and records each call's cost on the request's ticket.
/// </summary>
public sealed class RequestBudget(AdmissionTicket ticket, CostGovernor governor, ITokenEstimator estimator, int reservedOutputTokens)
{
    public AdmissionTicket Ticket => ticket;

    /// <summary>Null when the extra call to <paramref name="model"/> may go ahead; otherwise why not.</summary>
    public Refusal? TryStartExtraCall(ChatRequest request, ModelEntry model)
    {
        // Nothing counted for this request (no key, no cap): nothing to estimate either.
        if (ReferenceEquals(ticket, AdmissionTicket.Unlimited)) return null;
        var tokens = estimator.EstimatePromptTokens(request, model);
        var estimate = CostCalculator.Estimate(tokens, request.MaxOutputTokens ?? reservedOutputTokens, model.Price);
        return governor.TryStartExtraCall(ticket, estimate);
    }

    /// <summary>A finished call's cost (null = unpriced).</summary>
    public void RecordCall(decimal? costUsd) => ticket.RecordCall(costUsd);
}
