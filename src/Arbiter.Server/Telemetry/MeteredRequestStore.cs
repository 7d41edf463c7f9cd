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
        foreach (var r in batch) metrics.Record(r);
        return inner.WriteBatchAsync(batch, cancellationToken);
    }

    public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(query, cancellationToken);
}
