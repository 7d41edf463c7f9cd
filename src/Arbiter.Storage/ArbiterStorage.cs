using Arbiter.Core.Accounting;
using Arbiter.Core.Keys;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>The stores the gateway runs on, all over one database (or all in memory).</summary>
public sealed record ArbiterStorage(IRequestStore Requests, IKeyStore Keys, ISpendReader? Spend, IRequestRetention? Retention) : IAsyncDisposable
{
    /// <summary>The database under the stores; null in memory.</summary>
    public SqlDatabase? Database { get; init; }

    /// <summary>Where the data is, for the start-up line: "sqlite /srv/data/arbiter.db", "postgres", "memory".</summary>
    public string Description { get; init; } = "memory";

    /// <summary>Application feedback (POST /v1/feedback): in the database with it, else in memory.</summary>
    public IFeedbackStore Feedback { get; init; } = new InMemoryFeedbackStore();

    public static ArbiterStorage InMemory(IRequestStore? requests = null) =>
        new(requests ?? new InMemoryRequestStore(), new InMemoryKeyStore(), null, null);

    public static ArbiterStorage Sql(SqlDatabase database, string description) =>
        new(new SqlRequestStore(database), new SqlKeyStore(database), new SqlSpendReader(database), new SqlRequestStore(database))
        {
            Database = database,
            Description = description,
            Feedback = new SqlFeedbackStore(database),
        };

    /// <summary>
    /// Where the KPIs are computed: aggregated in the database when the request log is in it, else in memory from
    /// <paramref name="requests"/> (the store as the gateway reads it) and the feedback.
    /// </summary>
    public IKpiSource KpiSource(IRequestStore requests, KpiPricing pricing) =>
        Database is { } db && Requests is SqlRequestStore ? new SqlKpiSource(db, pricing) : new InMemoryKpiSource(requests, Feedback, pricing);

    public async ValueTask DisposeAsync()
    {
        // The log writer's open connection first, so the database can release its file.
        if (Requests is IAsyncDisposable requests) await requests.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
