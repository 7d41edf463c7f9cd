using Arbiter.Core.Accounting;
using Arbiter.Core.Keys;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>The stores the gateway runs on, all over one database (or all in memory).</summary>
public sealed record ArbiterStorage(IRequestStore Requests, IKeyStore Keys, ISpendReader? Spend, IRequestRetention? Retention) : IAsyncDisposable
{
    /// <summary>The database under the stores; null in memory.</summary>
    public SqlDatabase? Database { get; init; }

    /// <summary>Where the data is, for the start-up line: "sqlite /srv/data/arbiter.db", "postgres", "memory".</summary>
    public string Description { get; init; } = "memory";

    public static ArbiterStorage InMemory(IRequestStore? requests = null) =>
        new(requests ?? new InMemoryRequestStore(), new InMemoryKeyStore(), null, null);

    public static ArbiterStorage Sql(SqlDatabase database, string description) =>
        new(new SqlRequestStore(database), new SqlKeyStore(database), new SqlSpendReader(database), new SqlRequestStore(database))
        {
            Database = database,
            Description = description,
        };

    public async ValueTask DisposeAsync()
    {
        // The log writer's open connection first, so the database can release its file.
        if (Requests is IAsyncDisposable requests) await requests.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
