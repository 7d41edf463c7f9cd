using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Workers;

/// <summary>Turns an orchestration's plan, delegations and verdicts into the response, its metadata and the request-log trace.</summary>
internal sealed class OrchestratorOutcome(string name, CallLedger ledger)
{
    /// <summary>The error code of a request failed because a sub-task's result was never accepted.</summary>
    public const string IncompleteCode = "orchestration_incomplete";

    public CompositeResult Failed(ArbiterError error, IReadOnlyList<Subtask>? plan = null, IReadOnlyList<Delegation>? delegations = null)
    {
        var metadata = Metadata(plan ?? [], delegations ?? []);
        return new CompositeResult(null, error, Trace(metadata, delegations ?? [], null)) { Metadata = metadata, CostUsd = ledger.TotalCostUsd, Usage = ledger.TotalUsage };
    }

    public CompositeResult Answered(IReadOnlyList<Subtask> plan, IReadOnlyList<Delegation> delegations, ModelCall? compose,
        IReadOnlyList<(Subtask Subtask, string Result)> accepted, IReadOnlyList<Delegation> notDone, bool noteInText)
    {
        var metadata = Metadata(plan, delegations);
        metadata["composed"] = compose is not null;
        // Without a composer answer (refused or failed), the accepted results are joined in plan order. What is not done
        // is said in a text answer itself, not only in metadata a client may ignore.
        var text = compose?.Text ?? string.Join("\n\n", accepted.Select(a => a.Result));
        if (notDone.Count > 0 && (noteInText || compose is null))
            text += "\n\nNot done (no result passed the orchestrator's check):\n" + OrchestratorPrompts.NotDone(notDone);
        var response = new ChatResponse
        {
            Id = "chatcmpl-orch-" + Guid.NewGuid().ToString("N")[..12],
            Created = compose?.Response?.Created ?? 0,
            Model = compose?.Response?.Model ?? name,
            Choices = [new ChatChoice(0, ChatMessage.Assistant(text), compose?.Response?.Choices[0].FinishReason ?? FinishReason.Stop)],
            Usage = ledger.TotalUsage,
        };
        if (compose?.Response?.ProviderMetadata is { } provided)
            foreach (var (k, v) in provided) metadata[k] = v;
        return new CompositeResult(response, null, Trace(metadata, delegations, compose))
        {
            ServedModel = compose?.Model,
            CostUsd = ledger.TotalCostUsd,
            Usage = ledger.TotalUsage,
            Metadata = metadata,
        };
    }

    private JsonObject Metadata(IReadOnlyList<Subtask> plan, IReadOnlyList<Delegation> delegations) => new()
    {
        ["mode"] = OrchestrationModels.OrchestrateMode,
        ["orchestrator"] = name,
        ["plan"] = new JsonArray(plan.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["task"] = s.Task, ["tier"] = s.Tier }).ToArray()),
        ["delegations"] = new JsonArray(delegations.Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Subtask.Id,
            ["accepted_model"] = d.Accepted?.Model,
            ["tries"] = new JsonArray(d.Tries.Select(t => (JsonNode)new JsonObject
            {
                ["model"] = t.Model,
                ["verdict"] = t.Verdict,
                ["reason"] = t.Reason,
                ["cost_usd"] = t.CostUsd is decimal c ? JsonValue.Create(c) : null,
            }).ToArray()),
        }).ToArray()),
        // A sub-task no model got past the check is left out of the answer: say so, never drop it silently.
        ["complete"] = delegations.All(d => d.Accepted is not null),
        ["unaccepted"] = new JsonArray(delegations.Where(d => d.Accepted is null).Select(d => (JsonNode)JsonValue.Create(d.Subtask.Id)!).ToArray()),
    };

    private OrchestrationTrace Trace(JsonObject metadata, IReadOnlyList<Delegation> delegations, ModelCall? compose)
    {
        var escalated = delegations.Any(d => d.Tries.Any(t => t.Verdict == Verdicts.Escalate));
        // Redundant: every worker result that was not accepted (the checks are the verification the mode exists for).
        var accepted = delegations.Select(d => d.Accepted?.Result).Where(r => r is not null).ToHashSet();
        var used = ledger.Calls.Where(c => !c.Role.StartsWith("worker:", StringComparison.Ordinal) || (c.Succeeded && accepted.Contains(c.Text))).ToList();
        var fanOut = ledger.FanOutCostUsd(used);
        metadata["calls"] = CallsJson.Of(ledger.Records);
        metadata["escalated"] = escalated;
        metadata["cost_usd"] = ledger.TotalCostUsd is decimal total ? JsonValue.Create(total) : null;
        metadata["fan_out_cost_usd"] = fanOut is decimal f ? JsonValue.Create(f) : null;
        return new OrchestrationTrace(OrchestrationModels.OrchestrateMode, name)
        {
            Strategy = "plan-delegate-check-compose",
            Escalated = escalated,
            EscalationReason = escalated ? "the orchestrator sent a sub-task to a stronger model" : null,
            FanOutCostUsd = fanOut,
            Calls = ledger.Records,
            DetailsJson = metadata.ToJsonString(),
        };
    }
}
