using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Arbiter.Storage;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// /admin/kpis over a day of a SQLite request log: aggregated in SQL (<see cref="SqlKpiSource"/>, what the gateway
/// does) against reading the window's records into the gateway and computing there (<see cref="KpiCalculator"/>,
/// what it did before, capped at 200,000 records). Allocated bytes show what each holds in memory. The database is
/// built once per size in the temp folder and reused.
/// </summary>
[MemoryDiagnoser]
public class KpiBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly KpiWindow Day = new(Start, Start.AddDays(1));
    private static readonly KpiPricing Pricing = new("big", new PriceConfig { Input = 10m, Output = 30m },
        new Dictionary<string, string?> { ["small"] = "fast", ["mid"] = "general", ["big"] = "deep" });

    private SqliteDatabase _db = null!;

    [Params(20_000, 200_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), "arbiter-bench", $"kpis-{Records}.db");
        var exists = File.Exists(path);
        _db = new SqliteDatabase(path);
        if (exists) return;
        Migrator.MigrateAsync(_db, CancellationToken.None).GetAwaiter().GetResult();
        var store = new SqlRequestStore(_db);
        var feedback = new SqlFeedbackStore(_db);
        var random = new Random(1);
        string[] models = ["small", "mid", "big"], tasks = ["summarize", "code", "chat", "classify"];
        var batch = new List<RequestRecord>(5000);
        for (var i = 0; i < Records; i++)
        {
            var model = models[random.Next(models.Length)];
            var failed = random.Next(20) == 0;
            var fellBack = random.Next(10) == 0;
            batch.Add(new RequestRecord
            {
                RequestId = "b" + i,
                StartedAt = Start.AddMilliseconds(random.NextInt64(0, 86_400_000)),
                RequestedModel = "auto",
                Route = "auto",
                Decision = "cascade:auto -> small > mid > big | small accepted",
                ServedModel = failed ? null : model,
                Provider = "sim",
                Stream = random.Next(2) == 0,
                Status = failed ? 502 : 200,
                ErrorKind = failed ? ErrorKind.UpstreamError : null,
                Usage = failed ? null : new TokenUsage { InputTokens = random.Next(50, 4000), OutputTokens = random.Next(10, 800) },
                CostUsd = failed ? null : Math.Round((decimal)random.NextDouble() / 100, 9),
                LatencyMs = random.Next(50, 5000),
                TimeToFirstChunkMs = random.Next(20, 900),
                Attempts = fellBack
                    ? [new Attempt("small", "sim", TimeSpan.FromMilliseconds(30), new ArbiterError(ErrorKind.UpstreamError, "503")), new Attempt(model, "sim", TimeSpan.FromMilliseconds(300), null)]
                    : [new Attempt(model, "sim", TimeSpan.FromMilliseconds(300), null)],
                TaskType = tasks[random.Next(tasks.Length)],
                KeyId = "key_" + random.Next(20),
                Escalations = random.Next(8) == 0 ? 1 : null,
            });
            if (batch.Count == 5000 || i == Records - 1)
            {
                store.WriteBatchAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
                batch.Clear();
            }
            if (random.Next(10) == 0)
                feedback.WriteAsync(new QualityFeedback("b" + i, random.Next(101) / 100.0, null, Day.To), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _db.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<long> RecordsIntoTheGateway()
    {
        var source = new InMemoryKpiSource(new SqlRequestStore(_db), new SqlFeedbackStore(_db), Pricing);
        return (await source.ReportAsync(Day, 24, 50, Day.To, CancellationToken.None)).Totals.Requests;
    }

    [Benchmark]
    public async Task<long> AggregatedInSql() =>
        (await new SqlKpiSource(_db, Pricing).ReportAsync(Day, 24, 50, Day.To, CancellationToken.None)).Totals.Requests;
}
