using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Arbiter.Storage;

/// <summary>
/// The embedded default: one SQLite file (its folder created), in WAL mode so reads never block the log writer.
/// Connections are pooled by Microsoft.Data.Sqlite.
/// </summary>
public sealed class SqliteDatabase : SqlDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        Path = full;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }
    public override string Engine => "sqlite";
    public override IReadOnlyList<Migration> Migrations => Schema.Sqlite;

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The request log writer's page cache, in KiB (SQLite's default is 2,000). The writer only appends: each insert
    /// walks the rightmost pages of its B-trees (two for an ordinary row, three when a client sent its request id) and
    /// a batch's new pages stay dirty until its commit, so a small cache holds all it reuses, and the rest of the
    /// default is resident memory that nothing reads again.
    /// </summary>
    internal const int WriterCacheKiB = 512;

    /// <summary>
    /// A connection for the request log's writer, which keeps it and calls SQLite on it directly. Opened without
    /// SQLite's per-connection mutex (<c>SQLITE_OPEN_NOMUTEX</c>): only the writer uses it, one batch at a time under
    /// its own lock, and the mutex was taken and released around each of the 40 calls a row makes (3% of the writer's
    /// time, measured in its profile). The caller closes it (<c>Dispose</c>).
    /// </summary>
    internal sqlite3 OpenWriter()
    {
        Batteries_V2.Init();
        var rc = raw.sqlite3_open_v2(Path, out var db, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null);
        try
        {
            SqliteRequestLogWriter.Check(rc, db);
            SqliteRequestLogWriter.Check(raw.sqlite3_exec(db, Pragmas + $" PRAGMA cache_size=-{WriterCacheKiB};"), db);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    internal override IRequestLogWriter CreateRequestLogWriter() => new SqliteRequestLogWriter(this);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted after shutdown.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
