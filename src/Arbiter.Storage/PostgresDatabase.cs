using System.Data.Common;
using Npgsql;

namespace Arbiter.Storage;

/// <summary>PostgreSQL through Npgsql's pooled data source; the connection string comes from an env: reference.</summary>
public sealed class PostgresDatabase(string connectionString) : SqlDatabase
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public override string Engine => "postgres";
    public override IReadOnlyList<Migration> Migrations => Schema.Postgres;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
