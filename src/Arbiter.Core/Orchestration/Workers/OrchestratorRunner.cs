using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Workers;

/// <summary>
/// An orchestrator and its workers (<c>model: "orchestrate:NAME"</c>): the orchestrator plans sub-tasks (structured
/// JSON), each goes to the cheapest adequate model of the tier the plan names (the router's tier selection) or to the
/// configured workers route; the orchestrator checks every result (accept, retry, escalate to a stronger model) before
/// it is used, and composes the final answer from the accepted ones only. A sub-task that got no accepting check
/// (escalated past the strongest model, out of attempts, its check refused) fails the request or, with
/// <c>on_incomplete: disclose</c>, is named to the composer as not done. Every call after the plan is an extra call.
/// </summary>
public sealed class OrchestratorRunner(FanOutCalls calls, StrongerModels stronger)
{
    public async Task<CompositeResult> RunAsync(string name, OrchestratorConfig config, ChatRequest request, FanOutBudget budget, CancellationToken ct)
    {
        var ledger = new CallLedger(budget);
        var tiers = stronger.Ladder;
        var planCall = await calls.FirstAsync(ledger, OrchestratorPrompts.Plan(request, config.MaxSubtasks, tiers), config.Model, "plan", ct).ConfigureAwait(false);
        var outcome = new OrchestratorOutcome(name, ledger);
        if (!planCall.Succeeded) return outcome.Failed(planCall.Error ?? new ArbiterError(ErrorKind.UpstreamError, "the orchestrator gave no plan"));
        // No usable plan: the whole request is one sub-task for the weakest tier.
        var plan = OrchestratorPrompts.ReadPlan(planCall.Text, config.MaxSubtasks, tiers)
            ?? [new Subtask("t1", Prompts.Question(request), tiers.FirstOrDefault() ?? "")];
        var delegations = await Task.WhenAll(plan.Select(s => DelegateAsync(config, request, s, ledger, ct))).ConfigureAwait(false);

        var accepted = delegations.Where(d => d.Accepted?.Result is not null).Select(d => (d.Subtask, d.Accepted!.Result!)).ToList();
        var unaccepted = delegations.Where(d => d.Accepted is null).ToList();
        // No result is used without an accepting check: a sub-task that never got one fails the request, or (disclose)
        // is named to the composer as not done.
        if (accepted.Count == 0 || (unaccepted.Count > 0 && config.OnIncomplete != IncompletePolicies.Disclose))
            return outcome.Failed(Incomplete(name, unaccepted, accepted.Count == 0), plan, delegations);
        var compose = await calls.TryExtraAsync(ledger, OrchestratorPrompts.Compose(request, accepted, unaccepted), config.Model, "compose", ct).ConfigureAwait(false);
        // A text answer also says in its own words what is not done (the composer is told to, but a client must not
        // depend on a model's obedience); a JSON answer is left valid and the metadata and header say it.
        var note = request.ResponseFormat is null or { Kind: ResponseFormatKind.Text };
        return outcome.Answered(plan, delegations, compose is { Succeeded: true } ? compose : null, accepted, unaccepted, note);
    }

    private static ArbiterError Incomplete(string name, IReadOnlyList<Delegation> unaccepted, bool none)
    {
        var which = string.Join("; ", unaccepted.Select(d => $"{d.Subtask.Id} ({d.Subtask.Task}): {d.Why}"));
        var message = none
            ? $"orchestrator '{name}': no sub-task result was accepted by the orchestrator's check: {which}"
            : $"orchestrator '{name}': {unaccepted.Count} sub-task(s) could not be completed, so no answer is given (on_incomplete: fail): {which}";
        return new ArbiterError(ErrorKind.UpstreamError, message) { Code = OrchestratorOutcome.IncompleteCode };
    }

    private async Task<Delegation> DelegateAsync(OrchestratorConfig config, ChatRequest request, Subtask subtask, CallLedger ledger, CancellationToken ct)
    {
        var tries = new List<DelegationTry>();
        var worker = config.Workers ?? stronger.Cheapest(subtask.Tier)?.Name ?? stronger.Cheapest(stronger.Ladder[0])!.Name;
        string? feedback = null;
        for (var attempt = 0; attempt < config.MaxAttempts; attempt++)
        {
            var work = await calls.TryExtraAsync(ledger, OrchestratorPrompts.Work(request, subtask, feedback), worker, "worker:" + subtask.Id, ct).ConfigureAwait(false);
            if (work is not { Succeeded: true })
            {
                tries.Add(new DelegationTry(work?.Model?.Name ?? worker, null, Verdicts.Failed, work?.Error?.Message ?? "refused by the governor", work?.CostUsd));
                if (work is null) break;
                continue;
            }
            var served = work.Model?.Name ?? worker;
            var check = await calls.TryExtraAsync(ledger, OrchestratorPrompts.Check(request, subtask, work.Text), config.Model, "check:" + subtask.Id, ct).ConfigureAwait(false);
            if (check is null)
            {
                // A result nobody checked is never used: the sub-task ends unaccepted.
                tries.Add(new DelegationTry(served, work.Text, Verdicts.Unchecked, "not used: the governor refused the orchestrator's check", work.CostUsd));
                break;
            }
            var verdict = check.Succeeded ? OrchestratorPrompts.ReadVerdict(check.Text) : null;
            if (verdict is null)
            {
                // The check failed or gave no verdict: not used; the next attempt tries again.
                tries.Add(new DelegationTry(served, work.Text, Verdicts.Unchecked,
                    "not used: " + (check.Succeeded ? "the orchestrator gave no verdict" : "the check failed: " + check.Error?.Message), work.CostUsd));
                continue;
            }
            var (v, reason) = verdict.Value;
            tries.Add(new DelegationTry(served, work.Text, v, reason, work.CostUsd));
            if (v == Verdicts.Accept) break;
            feedback = reason;
            if (v == Verdicts.Escalate)
            {
                if (stronger.After(served) is not [var next, ..]) break; // nothing stronger: the sub-task ends unaccepted
                worker = next;
            }
        }
        return new Delegation(subtask, tries);
    }
}
