using System.Data.Common;
using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// A composite request's <see cref="OrchestrationTrace"/> as one <c>request_orchestration</c> row (written only for
/// requests that have one), and back: the calls as the JSON array the response metadata shows.
/// </summary>
internal static class OrchestrationRow
{
    public static readonly string[] Columns =
    [
        "request_row", "started_at_ms", "mode", "name", "strategy", "disagreement", "disagreement_above", "escalated", "escalation_reason",
        "fan_out_cost_nusd", "calls", "details",
    ];

    public static readonly string Insert =
        $"INSERT INTO request_orchestration ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    public const string Select = """
        SELECT request_row, mode, name, strategy, disagreement, disagreement_above, escalated, escalation_reason, fan_out_cost_nusd, calls, details
        FROM request_orchestration WHERE started_at_ms >= @from AND started_at_ms <= @to
        """;

    public static void Write<T>(ref T v, OrchestrationTrace o, ReadOnlySpan<char> row, long startedMs) where T : struct, IRowValues
    {
        v.Text(row);
        v.Long(startedMs);
        v.Text(o.Mode);
        v.Text(o.Name);
        v.Text(o.Strategy);
        v.Double(o.Disagreement);
        v.Bool(o.DisagreementAboveThreshold);
        v.Bool(o.Escalated);
        v.Text(o.EscalationReason);
        v.Long(NanoUsd.From(o.FanOutCostUsd));
        v.Text(CallsText(o));
        v.Text(o.DetailsJson);
    }

    public static string CallsText(OrchestrationTrace o) => CallsJson.Of(o.Calls).ToJsonString();

    /// <summary>The trace of a row read with <see cref="Select"/> (the row id in column 0).</summary>
    public static OrchestrationTrace Read(DbDataReader r) => new(r.GetString(1), r.GetString(2))
    {
        Strategy = Sql.String(r, 3),
        Disagreement = r.IsDBNull(4) ? null : Convert.ToDouble(r.GetValue(4)),
        DisagreementAboveThreshold = Convert.ToBoolean(r.GetValue(5)),
        Escalated = Convert.ToBoolean(r.GetValue(6)),
        EscalationReason = Sql.String(r, 7),
        FanOutCostUsd = Sql.Long(r, 8) is long nano ? NanoUsd.ToUsd(nano) : null,
        Calls = Calls(r.GetString(9)),
        DetailsJson = Sql.String(r, 10),
    };

    /// <summary>The record with its orchestration, as the request path made it (<c>RequestTrace</c>).</summary>
    public static RequestRecord With(RequestRecord record, OrchestrationTrace o) => record with
    {
        Mode = o.Mode,
        Disagreement = o.Disagreement,
        Escalated = o.Escalated,
        FanOutCostUsd = o.FanOutCostUsd,
        Orchestration = o,
    };

    private static List<CallRecord> Calls(string json)
    {
        var calls = new List<CallRecord>();
        if (JsonNode.Parse(json) is not JsonArray array) return calls;
        foreach (var node in array)
        {
            if (node is not JsonObject c) continue;
            calls.Add(new CallRecord(
                c["role"]?.GetValue<string>() ?? "", c["model"]?.GetValue<string>() ?? "", c["error"]?.GetValue<string>(),
                c["cost_usd"] is JsonValue cost ? cost.GetValue<decimal>() : null, c["latency_ms"]?.GetValue<double>() ?? 0,
                c["input_tokens"]?.GetValue<long>(), c["output_tokens"]?.GetValue<long>())
            { Note = c["note"]?.GetValue<string>() });
        }
        return calls;
    }
}
