using System.Data.Common;
using Arbiter.Core.Ids;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// Writes batches of the request log over one connection kept open with its two inserts built once, so a batch
/// costs a transaction and one statement execution per row: no connection open, pragma or statement compilation
/// per batch (SQLite caches a command's compiled statement while its text stays the same). After a failure the
/// connection is dropped and the next batch opens a new one. One batch at a time: the log queue has one writer.
/// </summary>
internal sealed class SqlRequestLogWriter(SqlDatabase database) : IRequestLogWriter
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DbConnection? _connection;
    private DbCommand? _request;
    private DbCommand? _attempt;
    private DbCommand? _orchestration;

    public async Task WriteAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null) await OpenAsync(cancellationToken);
            await using var tx = await _connection!.BeginTransactionAsync(cancellationToken);
            _request!.Transaction = tx;
            _attempt!.Transaction = tx;
            _orchestration!.Transaction = tx;
            foreach (var r in batch) await WriteAsync(r, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(RequestRecord r, CancellationToken cancellationToken)
    {
        var started = r.StartedAt.ToUnixTimeMilliseconds();
        var row = RequestRow.RowId(r, started, new char[TimeOrderedId.Length]).ToString();
        var values = new AdoRowValues(_request!.Parameters);
        RequestRow.Write(ref values, r, row, started);
        await _request.ExecuteNonQueryAsync(cancellationToken);
        if (r.Orchestration is { } o)
        {
            var orchestration = new AdoRowValues(_orchestration!.Parameters);
            OrchestrationRow.Write(ref orchestration, o, row, started);
            await _orchestration.ExecuteNonQueryAsync(cancellationToken);
        }
        if (RequestRow.FoldsAttempt(r)) return;
        for (var seq = 0; seq < r.Attempts.Count; seq++)
        {
            var attempt = new AdoRowValues(_attempt!.Parameters);
            AttemptRow.Write(ref attempt, r.Attempts[seq], row, seq, started);
            await _attempt.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        _connection = await database.OpenAsync(cancellationToken);
        _request = Prepare(_connection, RequestRow.Insert, RequestRow.Columns);
        _attempt = Prepare(_connection, AttemptRow.Insert, AttemptRow.Columns);
        _orchestration = Prepare(_connection, OrchestrationRow.Insert, OrchestrationRow.Columns);
    }

    private static DbCommand Prepare(DbConnection connection, string sql, string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var c in columns) Sql.Add(command, c, null);
        return command;
    }

    private async Task CloseAsync()
    {
        if (_request is not null) await _request.DisposeAsync();
        if (_attempt is not null) await _attempt.DisposeAsync();
        if (_orchestration is not null) await _orchestration.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        (_request, _attempt, _orchestration, _connection) = (null, null, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await CloseAsync(); }
        finally { _gate.Release(); }
    }
}
