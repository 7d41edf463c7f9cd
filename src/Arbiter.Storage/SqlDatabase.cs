using System.Data.Common;

namespace Arbiter.Storage;

/// <summary>
/// One database the stores share: how to open a connection and which migrations build its schema. The SQL of the
/// stores is common to both engines (named @parameters, ON CONFLICT upserts); only the schema differs.
/// </summary>
public abstract class SqlDatabase : IAsyncDisposable
{
    /// <summary>sqlite or postgres, for messages.</summary>
    public abstract string Engine { get; }

    /// <summary>The schema, version by version; applied in order by <see cref="Migrator"/>.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The request log's writer: plain ADO.NET over one kept connection unless the engine has a faster way.</summary>
    internal virtual IRequestLogWriter CreateRequestLogWriter() => new SqlRequestLogWriter(this);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
