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
    /// <summary>
    /// A full batch is about 3 ms of work (the writer's thread spends 6-7 us a row, unpacking and metrics included);
    /// on a gateway with one core, the socket thread waits behind whatever part of it runs without a break. Giving the
    /// core away every 32 rows (about 0.2 ms) bounds that wait. Measured at 16 connections on one core, in twenty
    /// interleaved rounds against 128 rows (about 1 ms): p99 lower in 18 (medians 2.9 and 3.2 ms against 3.5 and
    /// 4.3), requests a second higher in 17. Every 8 rows gave the same p99 for 4.5 us more CPU per request
    /// (docs/performance.md). The yield happens inside the batch's transaction, so other writers to the file
    /// (sessions, keys) may wait a few slices longer for it; committing every few rows instead would multiply the
    /// commits, which cost more than rows. While the log is behind (<see cref="IRequestLogBacklog"/>) it writes without
    /// yielding: with the socket thread saturated, each yield got the core back only at the scheduler's next turn, so the
    /// writer kept a fraction of its share and the queue grew (at 64 connections the pinned heap holding waiting records
    /// reached 2.3-5.2 MB against 1.0-1.2 when it kept up).
    /// </summary>
    internal const int RowsBetweenYields = 32;
    private readonly Lock _gate = new();
    private sqlite3? _db;
    private sqlite3_stmt? _request;
    private sqlite3_stmt? _attempt;
    private sqlite3_stmt? _orchestration;

    public Task WriteAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            sqlite3? db = null;
            try
            {
                db = Open();
                Check(raw.sqlite3_exec(db, "BEGIN IMMEDIATE"), db);
                for (var i = 0; i < batch.Count; i++)
                {
                    Write(batch[i], db);
                    if (i % RowsBetweenYields == RowsBetweenYields - 1 && batch is not IRequestLogBacklog { IsBehind: true }) Thread.Yield();
                }
                Check(raw.sqlite3_exec(db, "COMMIT"), db);
            }
            catch
            {
                // A failed batch leaves nothing half-written (the connection must not stay open mid-transaction);
                // the next batch starts on a new connection, its inserts prepared again (also when preparing them
                // was what failed: a connection kept without them broke every later batch).
                if (db is not null && raw.sqlite3_get_autocommit(db) == 0) raw.sqlite3_exec(db, "ROLLBACK");
                Close();
                throw;
            }
        }
        return Task.CompletedTask;
    }

    private void Write(RequestRecord r, sqlite3 db)
    {
        var started = r.StartedAt.ToUnixTimeMilliseconds();
        Span<char> buffer = stackalloc char[TimeOrderedId.Length];
        var id = RequestRow.RowId(r, started, buffer);
        var values = new SqliteRowValues(_request!);
        RequestRow.Write(ref values, r, id, started);
        Step(_request!, db);
        if (r.Orchestration is { } o)
        {
            var orchestration = new SqliteRowValues(_orchestration!);
            OrchestrationRow.Write(ref orchestration, o, id, started);
            Step(_orchestration!, db);
        }
        if (RequestRow.FoldsAttempt(r)) return;
        for (var seq = 0; seq < r.Attempts.Count; seq++)
        {
            var attempt = new SqliteRowValues(_attempt!);
            AttemptRow.Write(ref attempt, r.Attempts[seq], id, seq, started);
            Step(_attempt!, db);
        }
    }

    private sqlite3 Open()
    {
        if (_db is not null) return _db;
        var db = _db = database.OpenWriter();
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

    internal static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private void Close()
    {
        _request?.Dispose();
        _attempt?.Dispose();
        _orchestration?.Dispose();
        _db?.Dispose();
        (_request, _attempt, _orchestration, _db) = (null, null, null, null);
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate) Close();
        return ValueTask.CompletedTask;
    }
}
