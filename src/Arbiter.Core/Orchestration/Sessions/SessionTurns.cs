using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.Orchestration.Governance;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// A turn of a session: the model sees the current state (and its version) with the message, replies and proposes a
/// patch (JSON: <c>{"reply", "patch": [{"op","path","value"}]}</c>); the patch is validated and committed on the version
/// the model saw. When another turn committed first, the turn is asked again on the new state (up to
/// <c>sessions.max_conflict_retries</c>), so no stale patch is ever merged.
/// </summary>
public sealed class SessionTurns(SessionEngine engine, FanOutCalls calls, int maxConflictRetries)
{
    private const string TurnSchema = """
        {"type":"object","properties":{
          "reply":{"type":"string"},
          "patch":{"type":"array","items":{"type":"object","properties":{
            "op":{"type":"string","enum":["add"]},
            "path":{"type":"string","enum":["/facts/-","/decisions/-"]},
            "value":{"type":"string"}},"required":["op","path","value"],"additionalProperties":false}}},
          "required":["reply","patch"],"additionalProperties":false}
        """;

    public async Task<TurnResult> TurnAsync(string id, string message, string target, FanOutBudget budget, CancellationToken ct)
    {
        var ledger = new CallLedger(budget);
        var conflicts = 0;
        for (var attempt = 0; ; attempt++)
        {
            var state = await engine.Store.GetAsync(id, ct).ConfigureAwait(false);
            if (state is null) return Result(ledger, id, null, [], PatchOutcome.NotFound, $"no session '{id}'", null, conflicts, null);
            var request = Request(state, message, target);
            var call = attempt == 0
                ? await calls.FirstAsync(ledger, request, target, "turn", ct).ConfigureAwait(false)
                : await calls.TryExtraAsync(ledger, request, target, "turn after conflict", ct).ConfigureAwait(false);
            if (call is null)
                return Result(ledger, id, null, [], SessionTransition.Conflict, "the governor refused another try after a conflict", state, conflicts, null);
            if (!call.Succeeded) return Result(ledger, id, null, [], "failed", call.Error?.Message, state, conflicts, call);
            var (reply, ops) = Read(call.Text);
            if (ops.Count == 0) return Result(ledger, id, reply, ops, TurnResult.NoChange, null, state, conflicts, call);
            var outcome = await engine.PatchAsync(id, state.Version, ops, call.Model?.Name ?? target, ct).ConfigureAwait(false);
            if (outcome.Status == SessionTransition.Conflict && attempt < maxConflictRetries)
            {
                conflicts++;
                continue;
            }
            return Result(ledger, id, reply, ops, outcome.Status, outcome.Reason, outcome.State, conflicts, call);
        }
    }

    public static ChatRequest Request(SessionState state, string message, string target) => new()
    {
        Model = target,
        Messages =
        [
            ChatMessage.System($"You work in a shared session. Its state (version {state.Version}) is below: facts, constraints you must respect, decisions taken. Reply to the message, and propose changes to the state as a JSON patch: add new facts with path /facts/- and new decisions with path /decisions/-. Reply only with JSON: {{\"reply\": string, \"patch\": [{{\"op\": \"add\", \"path\": string, \"value\": string}}]}}.\n\nState:\n{state.Document}"),
            ChatMessage.User(message),
        ],
        ResponseFormat = Prompts.Schema("turn", TurnSchema),
    };

    /// <summary>The reply and the patch from the model's JSON; an answer that is not such JSON is a reply without a patch.</summary>
    public static (string Reply, IReadOnlyList<PatchOperation> Ops) Read(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            if (node is JsonObject o && o["reply"]?.GetValueKind() == JsonValueKind.String)
                return (o["reply"]!.GetValue<string>(), JsonPatch.Parse(o["patch"], out _) ?? []);
        }
        catch (JsonException) { }
        return (text, []);
    }

    private static TurnResult Result(CallLedger ledger, string id, string? reply, IReadOnlyList<PatchOperation> ops, string status, string? reason,
        SessionState? state, int conflicts, ModelCall? call)
    {
        var details = new JsonObject
        {
            ["mode"] = OrchestrationModels.SessionMode,
            ["session"] = id,
            ["patch_status"] = status,
            ["reason"] = reason,
            ["version"] = state?.Version,
            ["conflicts_retried"] = conflicts,
            ["patch"] = JsonPatch.ToJson(ops),
            ["calls"] = CallsJson.Of(ledger.Records),
        };
        var error = status switch
        {
            PatchOutcome.NotFound => new ArbiterError(ErrorKind.NotFound, reason!) { Code = "session_not_found" },
            "failed" => call?.Error ?? new ArbiterError(ErrorKind.UpstreamError, reason ?? "the model failed"),
            _ => null,
        };
        return new TurnResult(reply, ops, status, reason, state, conflicts, error)
        {
            CostUsd = ledger.TotalCostUsd,
            Usage = ledger.TotalUsage,
            ServedModel = call?.Model,
            Trace = new OrchestrationTrace(OrchestrationModels.SessionMode, id)
            {
                Strategy = "turn",
                FanOutCostUsd = ledger.FanOutCostUsd(call),
                Calls = ledger.Records,
                DetailsJson = details.ToJsonString(),
            },
        };
    }
}
