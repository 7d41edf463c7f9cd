using System.Data.Common;
using System.Globalization;
using Arbiter.Core.Accounting;
using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// The request log in SQL: one row per request in <c>requests</c>, one per upstream call in <c>request_attempts</c>.
/// A batch is one transaction over a connection kept open (<see cref="IRequestLogWriter"/>); the log queue calls this off the request path.
/// </summary>
public sealed class SqlRequestStore(SqlDatabase database) : IRequestStore, IRequestRetention, IAsyncDisposable
{
    private readonly IRequestLogWriter _writer = database.CreateRequestLogWriter();

    /// <summary>A batch costs a transaction, so under load the log gathers rows for a moment before writing.</summary>
    public TimeSpan BatchPause => TimeSpan.FromMilliseconds(ConfigDefaults.RequestLogBatchIntervalMs);

    public Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken) =>
        batch.Count == 0 ? Task.CompletedTask : _writer.WriteAsync(batch, cancellationToken);

    public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
        SqlRequestReader.QueryAsync(database, query, cancellationToken);

    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        long deleted = 0;
        foreach (var table in new[] { "request_attempts", "request_orchestration", "requests" })
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

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
