using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Ids;
using Arbiter.Core.RequestLog;
using Arbiter.Storage;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The request log's SQLite write: batches of records like the bench's (one attempt each), reported per record. Under
/// load the log writes on the gateway's own core, so this cost is paid per request. Each batch is new records, later
/// than the last (rewriting the same ones made every index insert land in the middle of its tree), made in the timed
/// call (about half a microsecond each). <see cref="Ids"/>: ids the gateway issued (they key their rows and stay out of
/// the request-id index), a client's time-ordered ones (indexed at the index's end), or a client's random ones (indexed,
/// so each insert lands at a random place in the index).
/// </summary>
[MemoryDiagnoser]
public class RequestStoreBenchmarks
{
    public enum RequestIds { Issued, ClientOrdered, ClientRandom }

    private const int BatchSize = 250;
    private string _folder = null!;
    private ArbiterStorage _storage = null!;
    private RequestRecord _template = null!;
    private readonly RequestRecord[] _batch = new RequestRecord[BatchSize];
    private DateTimeOffset _start;
    private long _written;

    [Params(RequestIds.Issued, RequestIds.ClientOrdered, RequestIds.ClientRandom)]
    public RequestIds Ids { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "arbiter-bench-" + Guid.NewGuid().ToString("N"));
        var config = new StorageConfig { Type = StorageTypes.Sqlite, Path = Path.Combine(_folder, "arbiter.db") };
        _storage = StorageFactory.OpenAsync(config, _ => null, CancellationToken.None).GetAwaiter().GetResult();
        _start = DateTimeOffset.UtcNow;
        _template = new RequestRecord
        {
            RequestId = "",
            StartedAt = _start,
            RequestedModel = "gpt-4o-mini",
            Route = "gpt-4o-mini",
            Decision = "single",
            ServedModel = "gpt-4o-mini",
            Provider = "bench-upstream",
            Status = 200,
            Usage = new TokenUsage { InputTokens = 24, OutputTokens = 9 },
            CostUsd = 0.0000090m,
            LatencyMs = 1.2,
            OverheadMs = 0.05,
            Attempts = [new Attempt("gpt-4o-mini", "bench-upstream", TimeSpan.FromMilliseconds(1.1), null) { Deployment = "bench-upstream" }],
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task WriteBatch()
    {
        for (var i = 0; i < BatchSize; i++)
        {
            // 20,000 records a second of simulated time, as at the bench's load.
            var startedAt = _start.AddTicks(_written++ * 500);
            var id = Ids switch
            {
                RequestIds.Issued => IssuedRequestId.New(startedAt),
                RequestIds.ClientOrdered => "trace-" + TimeOrderedId.New(startedAt),
                _ => "req_" + Guid.NewGuid().ToString("N"),
            };
            _batch[i] = _template with { RequestId = id, RequestIdIssued = Ids == RequestIds.Issued, StartedAt = startedAt };
        }
        return _storage.Requests.WriteBatchAsync(_batch, CancellationToken.None);
    }
}
