using System.Data.Common;
using Arbiter.Core.Orchestration.Sessions;

namespace Arbiter.Storage;

/// <summary>
/// Sessions in SQL: the state row is compare-and-set on its version (<c>UPDATE ... WHERE version = @expected</c>), and
/// every transition is written in the same transaction, after locking the session row, so history numbers never clash.
/// </summary>
public sealed class SqlSessionStore(SqlDatabase database) : ISessionStore
{
    private const string Lock = "UPDATE sessions SET updated_at_ms = updated_at_ms WHERE id = @id";
    private const string InsertTransition = """
        INSERT INTO session_transitions (session_id, seq, kind, version, base_version, patch, document, actor, reason, at_ms)
        VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM session_transitions WHERE session_id = @id), @kind, @version, @base, @patch, @document, @actor, @reason, @at)
        """;

    public async Task CreateAsync(SessionState session, SessionTransition created, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, "INSERT INTO sessions (id, version, document, created_at_ms, updated_at_ms) VALUES (@id, @version, @document, @created, @updated)", c =>
        {
            Sql.Add(c, "id", session.Id);
            Sql.Add(c, "version", session.Version);
            Sql.Add(c, "document", session.Document);
            Sql.Add(c, "created", session.CreatedAt.ToUnixTimeMilliseconds());
            Sql.Add(c, "updated", session.UpdatedAt.ToUnixTimeMilliseconds());
        }, cancellationToken);
        await ExecuteAsync(connection, tx, InsertTransition, c => Transition(c, created), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<SessionState?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, document, created_at_ms, updated_at_ms FROM sessions WHERE id = @id";
        Sql.Add(command, "id", id);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new SessionState(id, Convert.ToInt64(r.GetValue(0)), r.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2))), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(3))));
    }

    public async Task<bool> TryCommitAsync(string id, long expectedVersion, string document, SessionTransition transition, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var moved = await ExecuteAsync(connection, tx, "UPDATE sessions SET version = @next, document = @document, updated_at_ms = @at WHERE id = @id AND version = @expected", c =>
        {
            Sql.Add(c, "id", id);
            Sql.Add(c, "next", expectedVersion + 1);
            Sql.Add(c, "expected", expectedVersion);
            Sql.Add(c, "document", document);
            Sql.Add(c, "at", at.ToUnixTimeMilliseconds());
        }, cancellationToken);
        if (moved != 1)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }
        await ExecuteAsync(connection, tx, InsertTransition, c => Transition(c, transition with { Version = expectedVersion + 1 }), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AppendAsync(SessionTransition transition, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, Lock, c => Sql.Add(c, "id", transition.SessionId), cancellationToken);
        await ExecuteAsync(connection, tx, InsertTransition, c => Transition(c, transition), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SessionTransition>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, version, base_version, patch, document, actor, reason, at_ms FROM session_transitions WHERE session_id = @id ORDER BY seq";
        Sql.Add(command, "id", id);
        var history = new List<SessionTransition>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            history.Add(new SessionTransition(id, Convert.ToInt64(r.GetValue(0)), r.GetString(1), Convert.ToInt64(r.GetValue(2)), Convert.ToInt64(r.GetValue(3)),
                Sql.String(r, 4), r.GetString(6), Sql.String(r, 7), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(8))))
            { Document = Sql.String(r, 5) });
        return history;
    }

    private static void Transition(DbCommand c, SessionTransition t)
    {
        Sql.Add(c, "id", t.SessionId);
        Sql.Add(c, "kind", t.Kind);
        Sql.Add(c, "version", t.Version);
        Sql.Add(c, "base", t.BaseVersion);
        Sql.Add(c, "patch", t.Patch);
        Sql.Add(c, "document", t.Document);
        Sql.Add(c, "actor", t.Actor);
        Sql.Add(c, "reason", t.Reason);
        Sql.Add(c, "at", t.At.ToUnixTimeMilliseconds());
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
