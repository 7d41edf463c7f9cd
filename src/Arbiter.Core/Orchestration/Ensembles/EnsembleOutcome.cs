using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>Turns an ensemble's calls, pick, disagreement and escalation into the response, its metadata and the request-log trace.</summary>
internal sealed class EnsembleOutcome(string name, EnsembleConfig config, string mode, CallLedger ledger)
{
    public CompositeResult Failed(ArbiterError error)
    {
        var metadata = Metadata(null, null, null);
        return new CompositeResult(null, error, Trace(null, null, null, metadata)) { Metadata = metadata, CostUsd = ledger.TotalCostUsd, Usage = ledger.TotalUsage };
    }

    public CompositeResult Answered(ChatRequest request, IReadOnlyList<ModelCall> answers, EnsemblePick pick, Disagreement? disagreement, Escalation? escalation)
    {
        var decided = escalation?.Decision;
        var answer = decided ?? pick.Chosen ?? answers[0];
        var choices = new List<ChatChoice>();
        if (decided is not null) choices.Add(decided.Response!.Choices[0] with { Index = 0 });
        if (pick.Chosen is null) // all: every member's answer as a choice, after the supervisor's when it decided
            foreach (var a in answers) choices.Add(a.Response!.Choices[0] with { Index = choices.Count });
        else if (decided is null) choices.Add(pick.Chosen.Response!.Choices[0] with { Index = 0 });
        foreach (var a in answers) if (ReferenceEquals(a, answer)) ledger.Note(a, "chosen");
        if (decided is not null) ledger.Note(decided, "decided");

        var metadata = Metadata(pick, disagreement, escalation);
        var response = answer.Response! with
        {
            Choices = choices,
            Usage = ledger.TotalUsage,
            ProviderMetadata = null,
        };
        if (answer.Response!.ProviderMetadata is { } provided)
            foreach (var (k, v) in provided) metadata[k] = v;
        return new CompositeResult(response, null, Trace(answer, disagreement, escalation, metadata))
        {
            ServedModel = answer.Model,
            CostUsd = ledger.TotalCostUsd,
            Usage = ledger.TotalUsage,
            Metadata = metadata,
        };
    }

    private JsonObject Metadata(EnsemblePick? pick, Disagreement? disagreement, Escalation? escalation)
    {
        var m = new JsonObject
        {
            ["mode"] = OrchestrationModels.EnsembleMode,
            ["ensemble"] = name,
            ["strategy"] = mode,
            ["threshold"] = config.Threshold,
        };
        if (disagreement is not null)
        {
            m["disagreement"] = Math.Round(disagreement.Score, 4);
            m["comparison"] = disagreement.Method;
            m["differences"] = new JsonArray(disagreement.Differences.Select(d => (JsonNode)JsonValue.Create(d)).ToArray());
        }
        if (pick is not null)
        {
            m["pick"] = pick.Reason;
            foreach (var (k, v) in pick.Details ?? new Dictionary<string, string>()) m[k] = v;
        }
        m["escalated"] = escalation?.Decision is not null;
        if (escalation is not null)
            m["escalation"] = new JsonObject { ["supervisor"] = config.Supervisor, ["reason"] = escalation.Reason, ["decided"] = escalation.Decision is not null };
        return m;
    }

    private OrchestrationTrace Trace(ModelCall? answer, Disagreement? disagreement, Escalation? escalation, JsonObject metadata)
    {
        var calls = ledger.Records;
        metadata["calls"] = CallsJson.Of(calls);
        metadata["cost_usd"] = ledger.TotalCostUsd is decimal total ? JsonValue.Create(total) : null;
        var fanOut = ledger.FanOutCostUsd(answer);
        metadata["fan_out_cost_usd"] = fanOut is decimal f ? JsonValue.Create(f) : null;
        return new OrchestrationTrace(OrchestrationModels.EnsembleMode, name)
        {
            Strategy = mode,
            Disagreement = disagreement?.Score,
            DisagreementAboveThreshold = disagreement is not null && disagreement.Score > config.Threshold,
            Escalated = escalation?.Decision is not null,
            EscalationReason = escalation?.Reason,
            FanOutCostUsd = fanOut,
            Calls = calls,
            DetailsJson = metadata.ToJsonString(),
        };
    }
}
