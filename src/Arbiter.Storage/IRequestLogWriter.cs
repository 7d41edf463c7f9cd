using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>Writes batches of request records to one database; each engine brings its fastest way (the log's cost is paid per request).</summary>
internal interface IRequestLogWriter : IAsyncDisposable
{
    Task WriteAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken);
}
