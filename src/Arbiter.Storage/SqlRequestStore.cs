using System.Data.Common;
using System.Globalization;
using Arbiter.Core.Accounting;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// The request log in SQL: one row per request in <c>requests</c>, one per upstream call in <c>request_attempts</c>.
/// A batch is one transaction with two prepared inserts (the log queue calls this off the request path).
/// </summary>
public sealed class SqlRequestStore(SqlDatabase database) : IRequestStore, IRequestRetention
{
    private const string InsertRequest = """
        INSERT INTO requests (id, request_id, started_at_ms, day, key_id, team, route, task, tier, requested_model, served_model, provider,
            deployment, decision, stream, status, error_kind, error_message, input_tokens, cached_input_tokens, cache_write_tokens,
            output_tokens, reasoning_tokens, cost_nusd, latency_ms, ttfb_ms, overhead_ms, attempt_count, fallback_steps, cascade_steps,
            quality_score, delivered_chars)
        VALUES (@id, @request_id, @started_at_ms, @day, @key_id, @team, @route, @task, @tier, @requested_model, @served_model, @provider,
            @deployment, @decision, @stream, @status, @error_kind, @error_message, @input_tokens, @cached_input_tokens, @cache_write_tokens,
            @output_tokens, @reasoning_tokens, @cost_nusd, @latency_ms, @ttfb_ms, @overhead_ms, @attempt_count, @fallback_steps, @cascade_steps,
            @quality_score, @delivered_chars)
        """;

    private const string InsertAttempt = """
        INSERT INTO request_attempts (request_row, seq, started_at_ms, model, provider, deployment, duration_ms, error_kind, error_message, retry, skipped)
        VALUES (@request_row, @seq, @started_at_ms, @model, @provider, @deployment, @duration_ms, @error_kind, @error_message, @retry, @skipped)
        """;

    private static readonly string[] RequestColumns =
    [
        "id", "request_id", "started_at_ms", "day", "key_id", "team", "route", "task", "tier", "requested_model", "served_model", "provider",
        "deployment", "decision", "stream", "status", "error_kind", "error_message", "input_tokens", "cached_input_tokens", "cache_write_tokens",
        "output_tokens", "reasoning_tokens", "cost_nusd", "latency_ms", "ttfb_ms", "overhead_ms", "attempt_count", "fallback_steps", "cascade_steps",
        "quality_score", "delivered_chars",
    ];

    private static readonly string[] AttemptColumns =
        ["request_row", "seq", "started_at_ms", "model", "provider", "deployment", "duration_ms", "error_kind", "error_message", "retry", "skipped"];

    public async Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var request = Prepare(connection, tx, InsertRequest, RequestColumns);
        await using var attempt = Prepare(connection, tx, InsertAttempt, AttemptColumns);
        foreach (var r in batch)
        {
            var row = Guid.CreateVersion7(r.StartedAt).ToString("N");
            var started = r.StartedAt.ToUnixTimeMilliseconds();
            var values = RequestRow.Values(r, row, started);
            for (var i = 0; i < values.Length; i++) request.Parameters[i].Value = values[i] ?? DBNull.Value;
            await request.ExecuteNonQueryAsync(cancellationToken);
            for (var seq = 0; seq < r.Attempts.Count; seq++)
            {
                var a = r.Attempts[seq];
                object?[] av = [row, seq, started, a.Model, a.Provider, RequestRow.DeploymentOf(a), a.Duration.TotalMilliseconds, a.Error?.Kind.ToString(), a.Error?.Message, a.Retry, a.Skipped];
                for (var i = 0; i < av.Length; i++) attempt.Parameters[i].Value = av[i] ?? DBNull.Value;
                await attempt.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await tx.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
        SqlRequestReader.QueryAsync(database, query, cancellationToken);

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        long deleted = 0;
        foreach (var table in new[] { "request_attempts", "requests" })
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"DELETE FROM {table} WHERE started_at_ms < @cutoff");
            Sql.Add(command, "cutoff", cutoff.ToUnixTimeMilliseconds());
            var n = await command.ExecuteNonQueryAsync(cancellationToken);
            if (table == "requests") deleted = n;
        }
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction tx, string sql, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var c in columns) Sql.Add(command, c, null);
        return command;
    }
}
