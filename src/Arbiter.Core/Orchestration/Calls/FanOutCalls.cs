using Arbiter.Core.Chat;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>
/// Makes a composite request's calls: the first one as any request would, every further one only when the governor
/// admits it (its estimate reserved on the request's budget, its actual cost settled after).
/// </summary>
public sealed class FanOutCalls(IModelCaller caller, IFanOutGovernor governor)
{
    public IModelCaller Caller => caller;

    /// <summary>The call the request needs anyway: not governed, but counted on the budget.</summary>
    public async Task<ModelCall> FirstAsync(CallLedger ledger, ChatRequest request, string target, string role, CancellationToken ct)
    {
        var call = await caller.CallAsync(request, target, role, ct).ConfigureAwait(false);
        ledger.Add(call, reserved: null);
        return call;
    }

    /// <summary>An extra call, or null when the governor refuses it (the refusal is in the ledger).</summary>
    public async Task<ModelCall?> TryExtraAsync(CallLedger ledger, ChatRequest request, string target, string role, CancellationToken ct)
    {
        if (!TryAdmit(ledger, request, target, role, out var estimate)) return null;
        return await AdmittedAsync(ledger, request, target, role, estimate, ct).ConfigureAwait(false);
    }

    /// <summary>A call the request needs (a chain's next step): only the mode's cost cap applies, not the per-key cap on extra calls.</summary>
    public async Task<ModelCall?> TryBudgetedAsync(CallLedger ledger, ChatRequest request, string target, string role, CancellationToken ct)
    {
        var estimate = caller.EstimateCost(request, target);
        if (!ledger.Budget.TryReserve(estimate, out _))
        {
            ledger.Refused(role, target, $"the request's cost cap of ${ledger.Budget.MaxCostUsd} would be passed");
            return null;
        }
        return await AdmittedAsync(ledger, request, target, role, estimate, ct).ConfigureAwait(false);
    }

    /// <summary>Asks the governor for an extra call without making it (parallel members are admitted first, then started together).</summary>
    public bool TryAdmit(CallLedger ledger, ChatRequest request, string target, string role, out decimal? estimate)
    {
        estimate = caller.EstimateCost(request, target);
        if (governor.TryStartExtraCall(ledger.Budget, estimate) is not { } refusal) return true;
        ledger.Refused(role, target, refusal);
        return false;
    }

    /// <summary>Makes a call <see cref="TryAdmit"/> admitted.</summary>
    public async Task<ModelCall> AdmittedAsync(CallLedger ledger, ChatRequest request, string target, string role, decimal? estimate, CancellationToken ct)
    {
        ModelCall call;
        try
        {
            call = await caller.CallAsync(request, target, role, ct).ConfigureAwait(false);
        }
        catch
        {
            ledger.Budget.Settle(estimate, 0);
            throw;
        }
        ledger.Add(call, estimate);
        return call;
    }
}
