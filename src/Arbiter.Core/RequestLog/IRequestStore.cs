namespace Arbiter.Core.RequestLog;

/// <summary>Where request records end up (memory, SQLite, PostgreSQL). Called in batches, off the request path.</summary>
public interface IRequestStore
{
    Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken);

    /// <summary>
    /// How long the log waits after writing a part-full batch so records gather into larger ones: a store that pays
    /// a fixed price per batch (a SQL transaction) wants a pause; zero writes as soon as records arrive.
    /// </summary>
    TimeSpan BatchPause => TimeSpan.Zero;

    /// <summary>
    /// Reads records back for KPIs, feedback and the dashboard: those matching <paramref name="query"/>, newest first.
    /// A store that cannot be read answers <see cref="NotSupportedException"/> (the KPI endpoint reports it).
    /// </summary>
    Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot be queried; KPIs need a store that implements QueryAsync.");
}
