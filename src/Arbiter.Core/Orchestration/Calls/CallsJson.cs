using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>Call records as the JSON array the response metadata shows.</summary>
public static class CallsJson
{
    public static JsonArray Of(IEnumerable<CallRecord> calls) => new(calls.Select(c => (JsonNode)Of(c)).ToArray());

    public static JsonObject Of(CallRecord c)
    {
        var o = new JsonObject
        {
            ["role"] = c.Role,
            ["model"] = c.Model,
            ["latency_ms"] = c.LatencyMs,
            ["cost_usd"] = c.CostUsd is decimal cost ? JsonValue.Create(cost) : null,
        };
        if (c.InputTokens is long input) o["input_tokens"] = input;
        if (c.OutputTokens is long output) o["output_tokens"] = output;
        if (c.Error is not null) o["error"] = c.Error;
        if (c.Note is not null) o["note"] = c.Note;
        return o;
    }
}
