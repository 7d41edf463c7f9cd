namespace Arbiter.Core.RequestLog;

/// <summary>Where request records end up (memory, SQLite, PostgreSQL). Called in batches, off the request path.</summary>
public interface IRequestStore
{
    Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken);
}
