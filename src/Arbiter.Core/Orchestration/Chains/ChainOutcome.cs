using System.Text.Json.Nodes;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>Turns a chain's step results and calls into the run, its metadata and the request-log trace.</summary>
internal sealed class ChainOutcome(string name, CallLedger ledger, TimeProvider time, long start)
{
    public ChainRun Build(List<ChainStepResult> steps, List<ModelCall> accepted, ArbiterError? error)
    {
        var served = accepted.Count > 0 ? accepted[^1].Model : null;
        var escalated = steps.Any(s => s.Escalated);
        var fanOut = ledger.FanOutCostUsd(accepted);
        var metadata = new JsonObject
        {
            ["mode"] = OrchestrationModels.ChainMode,
            ["chain"] = name,
            ["status"] = error is null ? "completed" : "failed",
            ["escalated"] = escalated,
            ["steps"] = new JsonArray(steps.Select(s => (JsonNode)Step(s)).ToArray()),
            ["calls"] = CallsJson.Of(ledger.Records),
            ["cost_usd"] = ledger.TotalCostUsd is decimal c ? JsonValue.Create(c) : null,
            ["fan_out_cost_usd"] = fanOut is decimal f ? JsonValue.Create(f) : null,
        };
        var trace = new OrchestrationTrace(OrchestrationModels.ChainMode, name)
        {
            Strategy = "steps",
            Escalated = escalated,
            EscalationReason = escalated ? "a step failed validation and was retried on a stronger model" : null,
            FanOutCostUsd = fanOut,
            Calls = ledger.Records,
            DetailsJson = metadata.ToJsonString(),
        };
        return new ChainRun(name, steps, error)
        {
            ServedModel = served,
            CostUsd = ledger.TotalCostUsd,
            LatencyMs = Math.Round(time.GetElapsedTime(start).TotalMilliseconds, 1),
            Usage = ledger.TotalUsage,
            Trace = trace,
            Metadata = metadata,
        };
    }

    private static JsonObject Step(ChainStepResult s) => new()
    {
        ["name"] = s.Name,
        ["model"] = s.Model,
        ["passed"] = s.Passed,
        ["escalated"] = s.Escalated,
        ["output"] = s.Output,
        ["cost_usd"] = s.CostUsd is decimal c ? JsonValue.Create(c) : null,
        ["attempts"] = new JsonArray(s.Attempts.Select(a => (JsonNode)new JsonObject
        {
            ["model"] = a.Model,
            ["passed"] = a.Passed,
            ["verdict"] = a.Verdict,
            ["cost_usd"] = a.CostUsd is decimal ac ? JsonValue.Create(ac) : null,
            ["latency_ms"] = a.LatencyMs,
            ["error"] = a.Error,
        }).ToArray()),
    };
}
