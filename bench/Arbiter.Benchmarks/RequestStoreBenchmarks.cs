using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.RequestLog;
using Arbiter.Storage;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The request log's SQLite write: one batch of records like the bench's (one attempt each), reported per record.
/// Under load the log writes on the gateway's own core, so this cost is paid per request.
/// </summary>
[MemoryDiagnoser]
public class RequestStoreBenchmarks
{
    private const int BatchSize = 250;
    private string _folder = null!;
    private ArbiterStorage _storage = null!;
    private RequestRecord[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "arbiter-bench-" + Guid.NewGuid().ToString("N"));
        var config = new StorageConfig { Type = StorageTypes.Sqlite, Path = Path.Combine(_folder, "arbiter.db") };
        _storage = StorageFactory.OpenAsync(config, _ => null, CancellationToken.None).GetAwaiter().GetResult();
        var start = DateTimeOffset.UtcNow;
        _batch = Enumerable.Range(0, BatchSize).Select(i => new RequestRecord
        {
            RequestId = "req_" + Guid.NewGuid().ToString("N"),
            StartedAt = start.AddMilliseconds(i),
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
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public Task WriteBatch() => _storage.Requests.WriteBatchAsync(_batch, CancellationToken.None);
}
