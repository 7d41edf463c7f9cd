using Arbiter.Core.RequestLog;
using Arbiter.Core.Telemetry;

namespace Arbiter.Server.Telemetry;

/// <summary>
/// Records each request's metrics as the request log drains it (off the request path), then hands the batch to the
/// real store. Reads go straight through.
/// </summary>
internal sealed class MeteredRequestStore(IRequestStore inner, GatewayMetrics metrics) : IRequestStore
{
    public IRequestStore Inner => inner;

    public TimeSpan BatchPause => inner.BatchPause;

    public Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            metrics.Record(batch[i]);
            // Like the SQLite writer: a batch's metrics must not hold a single core for milliseconds.
            if (i % 256 == 255) Thread.Yield();
        }
        return inner.WriteBatchAsync(batch, cancellationToken);
    }

    public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
}
