using System.Data.Common;

namespace Arbiter.Storage;

/// <summary>
/// Applies the migrations a database has not seen, each in its own transaction with its row in
/// <c>schema_migrations</c>, so a failed step leaves the schema at the previous version. A database newer than
/// this build (a version it does not know) is refused rather than written with the wrong shape.
/// </summary>
public static class Migrator
{
    public static async Task<int> MigrateAsync(SqlDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)", cancellationToken);
        var applied = new HashSet<int>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) applied.Add(Convert.ToInt32(reader.GetValue(0)));
        }
        var known = database.Migrations.Select(m => m.Version).ToHashSet();
        if (applied.FirstOrDefault(v => !known.Contains(v)) is var unknown and > 0)
            throw new InvalidOperationException($"The {database.Engine} database has schema version {unknown}, newer than this build of Arbiter knows; upgrade Arbiter or use another database.");

        var count = 0;
        foreach (var m in database.Migrations.OrderBy(m => m.Version))
        {
            if (applied.Contains(m.Version)) continue;
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, tx, m.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_migrations (version, description, applied_at_ms) VALUES (@v, @d, @t)";
                Sql.Add(record, "v", m.Version);
                Sql.Add(record, "d", m.Description);
                Sql.Add(record, "t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
