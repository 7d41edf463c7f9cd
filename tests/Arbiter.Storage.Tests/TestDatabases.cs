using Npgsql;

namespace Arbiter.Storage.Tests;

/// <summary>
/// Fresh databases for store tests: a SQLite file in a temp folder, or a schema of its own in the PostgreSQL server
/// named by <see cref="PostgresVariable"/> (CI sets it; .ci/run installs and starts the server).
/// </summary>
internal static class TestDatabases
{
    public const string PostgresVariable = "ARBITER_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static async Task<(SqlDatabase Database, Func<Task> Cleanup)> CreateAsync(string engine)
    {
        var (open, cleanup) = await CreateReopenableAsync(engine);
        var db = open();
        return (db, async () =>
        {
            await db.DisposeAsync();
            await cleanup();
        });
    }

    /// <summary>A fresh database that can be opened again (a restart): each call of open is a new connection to the same data.</summary>
    public static async Task<(Func<SqlDatabase> Open, Func<Task> Cleanup)> CreateReopenableAsync(string engine)
    {
        if (engine == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "arbiter-tests", Guid.NewGuid().ToString("N"));
            return (() => new SqliteDatabase(Path.Combine(folder, "arbiter.db")), () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
                return Task.CompletedTask;
            });
        }
        var connectionString = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        return (() => new PostgresDatabase(scoped), async () =>
        {
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}
