using System.Globalization;
using Arbiter.Core.Execution;
using Arbiter.Core.Ids;
using Arbiter.Core.RequestLog;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Arbiter.Storage;

/// <summary>
/// The request log's SQLite writer, on SQLite's own statement API (SQLitePCLRaw, under Microsoft.Data.Sqlite): both
/// inserts compiled once and kept, values bound by position straight from the record (text as UTF-16 spans, ids and
/// days formatted on the stack), so a row costs SQLite's insert and no allocation. Under load this runs on the
/// gateway's own core once per request, where the ADO.NET path spent several times SQLite's own work on binding.
/// SQLite is synchronous, so a batch runs on the caller's thread; the log queue calls it off the request path.
/// </summary>
internal sealed class SqliteRequestLogWriter(SqliteDatabase database) : IRequestLogWriter
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _request;
    private sqlite3_stmt? _attempt;
    private sqlite3_stmt? _orchestration;

    public Task WriteAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var db = Open();
            try
            {
                Check(raw.sqlite3_exec(db, "BEGIN IMMEDIATE"), db);
                foreach (var r in batch) Write(r, db);
                Check(raw.sqlite3_exec(db, "COMMIT"), db);
            }
            catch
            {
                // A failed batch leaves nothing half-written (the pool must not get the connection back mid-transaction);
                // the next batch starts on a new connection.
                if (raw.sqlite3_get_autocommit(db) == 0) raw.sqlite3_exec(db, "ROLLBACK");
                Close();
                throw;
            }
        }
        return Task.CompletedTask;
    }

    private void Write(RequestRecord r, sqlite3 db)
    {
        Span<char> id = stackalloc char[TimeOrderedId.Length];
        TimeOrderedId.Format(r.StartedAt, id);
        var started = r.StartedAt.ToUnixTimeMilliseconds();
        var s = _request!;
        var u = r.Usage;
        var i = 1;
        Text(s, i++, id);
        Text(s, i++, r.RequestId);
        Long(s, i++, started);
        Span<char> day = stackalloc char[10];
        r.StartedAt.UtcDateTime.TryFormat(day, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Text(s, i++, day);
        Text(s, i++, r.KeyId);
        Text(s, i++, r.Team);
        Text(s, i++, r.Route);
        Text(s, i++, r.TaskType);
        Text(s, i++, r.Tier);
        Text(s, i++, r.RequestedModel);
        Text(s, i++, r.ServedModel);
        Text(s, i++, r.Provider);
        Text(s, i++, r.Attempts.Count > 0 && r.Attempts[^1].Succeeded ? r.Attempts[^1].Deployment : null);
        Text(s, i++, r.Decision);
        Long(s, i++, r.Stream ? 1 : 0);
        Long(s, i++, r.Status);
        Text(s, i++, r.ErrorKind is { } kind ? kind.ToString() : null);
        Text(s, i++, r.ErrorMessage);
        Long(s, i++, u?.InputTokens);
        Long(s, i++, u?.CachedInputTokens);
        Long(s, i++, u?.CacheWriteTokens);
        Long(s, i++, u?.OutputTokens);
        Long(s, i++, u?.ReasoningTokens);
        Long(s, i++, NanoUsd.From(r.CostUsd));
        Double(s, i++, r.LatencyMs);
        Double(s, i++, r.TimeToFirstChunkMs);
        Double(s, i++, r.OverheadMs);
        Long(s, i++, r.Attempts.Count);
        Long(s, i++, Math.Max(0, r.Attempts.Count - 1));
        Long(s, i++, r.Escalations);
        Double(s, i++, r.QualityScore);
        Long(s, i++, r.DeliveredChars);
        var folds = RequestRow.FoldsAttempt(r);
        Double(s, i, folds ? r.Attempts[0].Duration.TotalMilliseconds : null);
        Step(s, db);
        if (r.Orchestration is { } o) WriteOrchestration(o, id, started, db);
        if (folds) return;
        for (var seq = 0; seq < r.Attempts.Count; seq++) WriteAttempt(r.Attempts[seq], id, seq, started, db);
    }

    private void WriteAttempt(Attempt a, ReadOnlySpan<char> row, int seq, long started, sqlite3 db)
    {
        var s = _attempt!;
        var i = 1;
        Text(s, i++, row);
        Long(s, i++, seq);
        Long(s, i++, started);
        Text(s, i++, a.Model);
        Text(s, i++, a.Provider);
        Text(s, i++, a.Deployment);
        Double(s, i++, a.Duration.TotalMilliseconds);
        Text(s, i++, a.Error is { } e ? e.Kind.ToString() : null);
        Text(s, i++, a.Error?.Message);
        Long(s, i++, a.Retry);
        Text(s, i, a.Skipped);
        Step(s, db);
    }

    /// <summary>A composite request's trace (<see cref="OrchestrationRow"/>): rare, so plain binding is fine.</summary>
    private void WriteOrchestration(Arbiter.Core.Orchestration.OrchestrationTrace o, ReadOnlySpan<char> row, long started, sqlite3 db)
    {
        var s = _orchestration!;
        var i = 1;
        Text(s, i++, row);
        Long(s, i++, started);
        Text(s, i++, o.Mode);
        Text(s, i++, o.Name);
        Text(s, i++, o.Strategy);
        Double(s, i++, o.Disagreement);
        Long(s, i++, o.DisagreementAboveThreshold ? 1 : 0);
        Long(s, i++, o.Escalated ? 1 : 0);
        Text(s, i++, o.EscalationReason);
        Long(s, i++, NanoUsd.From(o.FanOutCostUsd));
        Text(s, i++, OrchestrationRow.CallsText(o));
        Text(s, i, o.DetailsJson);
        Step(s, db);
    }

    private sqlite3 Open()
    {
        if (_connection is not null) return _connection.Handle!;
        _connection = database.OpenWriter();
        var db = _connection.Handle!;
        Check(raw.sqlite3_prepare_v3(db, RequestRow.Insert, raw.SQLITE_PREPARE_PERSISTENT, out _request), db);
        Check(raw.sqlite3_prepare_v3(db, AttemptRow.Insert, raw.SQLITE_PREPARE_PERSISTENT, out _attempt), db);
        Check(raw.sqlite3_prepare_v3(db, OrchestrationRow.Insert, raw.SQLITE_PREPARE_PERSISTENT, out _orchestration), db);
        return db;
    }

    private static void Step(sqlite3_stmt s, sqlite3 db)
    {
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static void Text(sqlite3_stmt s, int i, ReadOnlySpan<char> v) => raw.sqlite3_bind_text16(s, i, v);

    private static void Text(sqlite3_stmt s, int i, string? v)
    {
        if (v is null) raw.sqlite3_bind_null(s, i);
        else raw.sqlite3_bind_text16(s, i, v.AsSpan());
    }

    private static void Long(sqlite3_stmt s, int i, long? v)
    {
        if (v is { } x) raw.sqlite3_bind_int64(s, i, x);
        else raw.sqlite3_bind_null(s, i);
    }

    private static void Double(sqlite3_stmt s, int i, double? v)
    {
        if (v is { } x) raw.sqlite3_bind_double(s, i, x);
        else raw.sqlite3_bind_null(s, i);
    }

    private void Close()
    {
        _request?.Dispose();
        _attempt?.Dispose();
        _orchestration?.Dispose();
        _connection?.Dispose();
        (_request, _attempt, _orchestration, _connection) = (null, null, null, null);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate) Close();
        return ValueTask.CompletedTask;
    }
}
