using System.Data.Common;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Ids;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// Reads request records back (KPIs, the dashboard, feedback by id): the window's rows newest first, then their
/// attempts in one more query. Costs come back at the stored nano-dollar precision.
/// </summary>
internal static class SqlRequestReader
{
    private const string Columns = """
        id, request_id, started_at_ms, key_id, team, route, task, tier, requested_model, served_model, provider, decision, stream,
        status, error_kind, error_message, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens,
        cost_nusd, latency_ms, ttfb_ms, overhead_ms, cascade_steps, quality_score, delivered_chars, deployment, attempt_ms
        """;

    /// <param name="excludeShadows">Leave out routing's shadow calls (their decision is <see cref="KpiSql.ShadowDecision"/>).</param>
    public static async Task<IReadOnlyList<RequestRecord>> QueryAsync(SqlDatabase database, RequestQuery query, CancellationToken cancellationToken,
        bool excludeShadows = false)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var from = Math.Max(0, query.From == DateTimeOffset.MinValue ? 0 : query.From.ToUnixTimeMilliseconds());
        var to = query.To == DateTimeOffset.MaxValue ? long.MaxValue : query.To.ToUnixTimeMilliseconds();
        var rows = new List<(string Row, RequestRecord Record)>();
        await using (var command = connection.CreateCommand())
        {
            var window = "started_at_ms >= @from AND started_at_ms < @to"
                + (excludeShadows ? " AND (decision IS NULL OR decision NOT LIKE @shadow)" : "");
            command.CommandText = (query.RequestId is { } rid ? ById(command, rid, window) : $"SELECT {Columns} FROM requests WHERE {window}")
                + " ORDER BY started_at_ms DESC LIMIT @limit";
            if (excludeShadows) Sql.Add(command, "shadow", KpiSql.ShadowDecision);
            Sql.Add(command, "from", from);
            Sql.Add(command, "to", to);
            Sql.Add(command, "limit", (long)query.Limit);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) rows.Add((r.GetString(0), Read(r)));
        }
        if (rows.Count == 0) return [];
        var (first, last) = (rows[^1].Record.StartedAt.ToUnixTimeMilliseconds(), rows[0].Record.StartedAt.ToUnixTimeMilliseconds());
        var attempts = await AttemptsAsync(connection, first, last, cancellationToken);
        var orchestrations = await OrchestrationsAsync(connection, first, last, cancellationToken);
        var records = new List<RequestRecord>(rows.Count);
        foreach (var (row, record) in rows)
        {
            var full = attempts.TryGetValue(row, out var list) ? record with { Attempts = list } : record;
            records.Add(orchestrations.TryGetValue(row, out var o) ? OrchestrationRow.With(full, o) : full);
        }
        return records;
    }

    /// <summary>
    /// The rows with request id <paramref name="rid"/>: those the request-id index holds (ids clients sent), and, when
    /// the id has the shape of one the gateway issues, the row keyed by it, found by the start time it carries
    /// (<see cref="RequestRow.RowId"/>). The two never overlap. Returns the query's text and adds its parameters to
    /// <paramref name="command"/>.
    /// </summary>
    internal static string ById(DbCommand command, string rid, string window)
    {
        Sql.Add(command, "rid", rid);
        var indexed = $"SELECT {Columns} FROM requests WHERE request_id = @rid AND {RequestRow.IndexedById} AND {window}";
        if (!IssuedRequestId.TryReadStart(rid, out var startedMs)) return indexed;
        Sql.Add(command, "issued_at", startedMs);
        Sql.Add(command, "issued_row", rid[IssuedRequestId.Prefix.Length..]);
        return indexed + $" UNION ALL SELECT {Columns} FROM requests WHERE started_at_ms = @issued_at AND id = @issued_row AND request_id = @rid AND {window}";
    }

    private static RequestRecord Read(DbDataReader r)
    {
        var record = ReadRow(r);
        // A request served by its first call has that call in its row, not in request_attempts.
        return r.IsDBNull(29) ? record : record with { Attempts = [RequestRow.Unfold(record, Sql.String(r, 28), Convert.ToDouble(r.GetValue(29)))] };
    }

    private static RequestRecord ReadRow(DbDataReader r)
    {
        var input = Sql.Long(r, 16);
        return new RequestRecord
        {
            RequestId = r.GetString(1),
            RequestIdIssued = RequestRow.IsKeyedByRequestId(r.GetString(0), r.GetString(1)),
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2))),
            KeyId = Sql.String(r, 3),
            Team = Sql.String(r, 4),
            Route = Sql.String(r, 5),
            TaskType = Sql.String(r, 6),
            Tier = Sql.String(r, 7),
            RequestedModel = r.GetString(8),
            ServedModel = Sql.String(r, 9),
            Provider = Sql.String(r, 10),
            Decision = Sql.String(r, 11),
            Stream = Convert.ToBoolean(r.GetValue(12)),
            Status = Convert.ToInt32(r.GetValue(13)),
            ErrorKind = Sql.String(r, 14) is { } kind && Enum.TryParse<ErrorKind>(kind, out var k) ? k : null,
            ErrorMessage = Sql.String(r, 15),
            Usage = input is null ? null : new TokenUsage
            {
                InputTokens = input.Value,
                CachedInputTokens = Sql.Long(r, 17) ?? 0,
                CacheWriteTokens = Sql.Long(r, 18) ?? 0,
                OutputTokens = Sql.Long(r, 19) ?? 0,
                ReasoningTokens = Sql.Long(r, 20) ?? 0,
            },
            CostUsd = Sql.Long(r, 21) is long nano ? NanoUsd.ToUsd(nano) : null,
            LatencyMs = Convert.ToDouble(r.GetValue(22)),
            TimeToFirstChunkMs = r.IsDBNull(23) ? null : Convert.ToDouble(r.GetValue(23)),
            OverheadMs = Convert.ToDouble(r.GetValue(24)),
            Escalations = Sql.Long(r, 25) is long e ? (int)e : null,
            QualityScore = r.IsDBNull(26) ? null : Convert.ToDouble(r.GetValue(26)),
            DeliveredChars = Sql.Long(r, 27) is long d ? (int)d : null,
        };
    }

    private static async Task<Dictionary<string, Arbiter.Core.Orchestration.OrchestrationTrace>> OrchestrationsAsync(DbConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        var byRow = new Dictionary<string, Arbiter.Core.Orchestration.OrchestrationTrace>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = OrchestrationRow.Select;
        Sql.Add(command, "from", from);
        Sql.Add(command, "to", to);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) byRow[r.GetString(0)] = OrchestrationRow.Read(r);
        return byRow;
    }

    private static async Task<Dictionary<string, List<Attempt>>> AttemptsAsync(DbConnection connection, long from, long to, CancellationToken cancellationToken)
    {
        var byRow = new Dictionary<string, List<Attempt>>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT request_row, model, provider, duration_ms, error_kind, error_message, deployment, retry, skipped, purpose FROM request_attempts
            WHERE started_at_ms >= @from AND started_at_ms <= @to ORDER BY request_row, seq
            """;
        Sql.Add(command, "from", from);
        Sql.Add(command, "to", to);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var error = Sql.String(r, 4) is { } kind && Enum.TryParse<ErrorKind>(kind, out var k) ? new ArbiterError(k, Sql.String(r, 5) ?? "") : null;
            var attempt = new Attempt(r.GetString(1), r.GetString(2), TimeSpan.FromMilliseconds(Convert.ToDouble(r.GetValue(3))), error)
            {
                Deployment = Sql.String(r, 6),
                Retry = (int)(Sql.Long(r, 7) ?? 0),
                Skipped = Sql.String(r, 8),
                Purpose = Sql.String(r, 9),
            };
            var row = r.GetString(0);
            if (!byRow.TryGetValue(row, out var list)) byRow[row] = list = [];
            list.Add(attempt);
        }
        return byRow;
    }
}
