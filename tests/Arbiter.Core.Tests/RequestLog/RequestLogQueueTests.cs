using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Orchestration;
using Arbiter.Core.RequestLog;
using Arbiter.Core.RequestLog.Packing;

namespace Arbiter.Core.Tests.RequestLog;

public sealed class RequestLogQueueTests
{
    /// <summary>The smallest valid record (also used by the packed batch's tests).</summary>
    internal static RequestRecord Record(string id) => new()
    {
        RequestId = id,
        StartedAt = DateTimeOffset.UnixEpoch,
        RequestedModel = "auto",
        Status = 200,
    };

    /// <summary>Copies each batch (the queue reuses its list); optionally slow, optionally failing on chosen calls.</summary>
    private sealed class RecordingStore(TimeSpan delayPerBatch, Func<int, bool>? failOnCall = null) : IRequestStore
    {
        private readonly Lock _gate = new();
        private readonly List<RequestRecord> _records = [];
        private readonly List<int> _batchSizes = [];

        public IReadOnlyList<RequestRecord> Records { get { lock (_gate) return _records.ToList(); } }
        public IReadOnlyList<int> BatchSizes { get { lock (_gate) return _batchSizes.ToList(); } }

        public async Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
        {
            int call;
            lock (_gate)
            {
                _batchSizes.Add(batch.Count);
                call = _batchSizes.Count;
            }
            if (delayPerBatch > TimeSpan.Zero) await Task.Delay(delayPerBatch, cancellationToken);
            if (failOnCall?.Invoke(call) == true) throw new InvalidOperationException($"store down (call {call})");
            lock (_gate) _records.AddRange(batch);
        }
    }

    [Fact]
    public async Task CompleteAsync_ConcurrentWritersWithSlowStore_EveryRecordStoredInBatches()
    {
        const int writers = 8, perWriter = 625;
        var store = new RecordingStore(TimeSpan.FromMilliseconds(5));
        var errors = new List<Exception>();
        var queue = new RequestLogQueue(store, errors.Add, capacity: 256);
        queue.Start();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++) await queue.EnqueueAsync(Record($"{w}-{i}"));
        })));
        await queue.CompleteAsync();

        var ids = store.Records.Select(r => r.RequestId).ToList();
        Assert.Equal(writers * perWriter, ids.Count);
        Assert.Equal(writers * perWriter, ids.Distinct().Count());
        Assert.Empty(errors);
        Assert.True(store.BatchSizes.Count < writers * perWriter, $"{store.BatchSizes.Count} store calls for {ids.Count} records");
        Assert.Contains(store.BatchSizes, size => size > 1);
        Assert.DoesNotContain(store.BatchSizes, size => size == 0);
    }

    [Fact]
    public async Task CompleteAsync_OneWriter_RecordsStoredInEnqueueOrder()
    {
        var store = new RecordingStore(TimeSpan.FromMilliseconds(1));
        var queue = new RequestLogQueue(store, _ => { });
        queue.Start();

        for (var i = 0; i < 2000; i++) await queue.EnqueueAsync(Record(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await queue.CompleteAsync();

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task EnqueueAsync_BeforeStart_StoredOnceStarted()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });

        await queue.EnqueueAsync(Record("early"));
        queue.Start();
        await queue.EnqueueAsync(Record("late"));
        await queue.CompleteAsync();

        Assert.Equal(["early", "late"], store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task CompleteAsync_NeverStarted_StoresEveryQueuedRecord()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });

        // More than one batch's worth, so the drain has to loop.
        for (var i = 0; i < 1200; i++) await queue.EnqueueAsync(Record($"r{i}"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 1200).Select(i => $"r{i}"), store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task CompleteAsync_CalledTwiceWithoutStart_StoresEachRecordOnce()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });

        await queue.EnqueueAsync(Record("only"));
        await Task.WhenAll(queue.CompleteAsync(), queue.CompleteAsync()).WaitAsync(TimeSpan.FromSeconds(10));
        queue.Start();

        Assert.Equal(["only"], store.Records.Select(r => r.RequestId));
    }

    private static readonly TimeSpan[] TwoQuickRetries = [TimeSpan.Zero, TimeSpan.Zero];

    [Fact]
    public async Task DrainLoop_StoreFailsTwiceThenRecovers_BatchWrittenOnRetryAndNothingReported()
    {
        var store = new RecordingStore(TimeSpan.Zero, failOnCall: call => call <= 2);
        var errorCount = 0;
        var queue = new RequestLogQueue(store, _ => Interlocked.Increment(ref errorCount), retryDelays: TwoQuickRetries);
        queue.Start();

        await queue.EnqueueAsync(Record("kept-through-retries"));
        for (var i = 0; i < 10; i++) await queue.EnqueueAsync(Record($"kept-{i}"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, errorCount);
        Assert.Equal(["kept-through-retries", .. Enumerable.Range(0, 10).Select(i => $"kept-{i}")], store.Records.Select(r => r.RequestId));
        Assert.Equal(store.BatchSizes[0], store.BatchSizes[2]);
    }

    /// <summary>Reads every record of a batch, then fails on its first <paramref name="failures"/> calls (like a commit failing).</summary>
    private sealed class ReadsThenFailsStore(int failures) : IRequestStore
    {
        private int _calls;
        public List<string> Stored { get; } = [];

        public Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
        {
            var read = batch.Select(r => r.RequestId).ToList();
            if (++_calls <= failures) throw new InvalidOperationException("commit failed");
            Stored.AddRange(read);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task OnRecord_StoreReadsTheBatchAndFailsTwice_EachRecordSeenOnce()
    {
        var store = new ReadsThenFailsStore(failures: 2);
        var seen = new List<string>();
        var queue = new RequestLogQueue(store, _ => { }, retryDelays: TwoQuickRetries, onRecord: r => seen.Add(r.RequestId));

        for (var i = 0; i < 10; i++) await queue.EnqueueAsync(Record($"r{i}"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"r{i}"), seen);
        Assert.Equal(seen, store.Stored);
    }

    [Fact]
    public async Task OnRecord_StoreAlwaysFails_RecordsStillSeenOnceEach()
    {
        var store = new RecordingStore(TimeSpan.Zero, failOnCall: _ => true);
        var seen = new List<string>();
        var queue = new RequestLogQueue(store, _ => { }, retryDelays: TwoQuickRetries, onRecord: r => seen.Add(r.RequestId));

        for (var i = 0; i < 10; i++) await queue.EnqueueAsync(Record($"r{i}"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(store.Records);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"r{i}"), seen);
    }

    /// <summary>Fails its first write the way a store does when a waiting record cannot be unpacked (wrapped).</summary>
    private sealed class StoreMeetingAnUnreadableRecord(RecordingStore inner, int index) : IRequestStore
    {
        private int _calls;

        public Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken) =>
            ++_calls == 1
                ? throw new InvalidOperationException("batch failed", new UnreadableRecordException(index, new FormatException("bad bytes")))
                : inner.WriteBatchAsync(batch, cancellationToken);
    }

    [Fact]
    public async Task DrainLoop_UnreadableRecord_DroppedReportedOnceAndTheRestWrittenWithoutUsingRetries()
    {
        var inner = new RecordingStore(TimeSpan.Zero);
        var reported = new List<Exception>();
        // No retries at all: the second write must not count as one.
        var queue = new RequestLogQueue(new StoreMeetingAnUnreadableRecord(inner, 1), reported.Add, retryDelays: []);

        foreach (var id in new[] { "a", "b", "c" }) await queue.EnqueueAsync(Record(id));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "c"], inner.Records.Select(r => r.RequestId));
        var error = Assert.Single(reported);
        Assert.Equal("request log: a waiting record could not be unpacked and was dropped", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
        Assert.Equal(0, queue.PackedWaiting);
    }

    [Fact]
    public async Task DrainLoop_StoreThrowsPastItsRetries_ReportsErrorOnceAndKeepsStoringLaterBatches()
    {
        var store = new RecordingStore(TimeSpan.Zero, failOnCall: call => call <= 3);
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorCount = 0;
        var queue = new RequestLogQueue(store, ex =>
        {
            Interlocked.Increment(ref errorCount);
            reported.TrySetResult(ex);
        }, retryDelays: TwoQuickRetries);
        queue.Start();

        await queue.EnqueueAsync(Record("lost"));
        var error = await reported.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 10; i++) await queue.EnqueueAsync(Record($"kept-{i}"));
        await queue.CompleteAsync();

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal("store down (call 3)", error.Message);
        Assert.Equal(1, errorCount);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"kept-{i}"), store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task DrainLoop_StoreAlwaysThrows_EveryBatchTriedThreeTimesReportedOnceAndCompleteStillReturns()
    {
        var store = new RecordingStore(TimeSpan.Zero, failOnCall: _ => true);
        var errorCount = 0;
        var queue = new RequestLogQueue(store, _ => Interlocked.Increment(ref errorCount), retryDelays: TwoQuickRetries);
        queue.Start();

        for (var i = 0; i < 50; i++) await queue.EnqueueAsync(Record($"r{i}"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(store.Records);
        Assert.Equal(store.BatchSizes.Count, errorCount * 3);
        Assert.Equal(50 * 3, store.BatchSizes.Sum());
    }

    [Fact]
    public async Task CompleteAsync_StoreFailingWithLongRetryPauses_RetriesWithoutWaitingForTheClock()
    {
        var store = new RecordingStore(TimeSpan.Zero, failOnCall: call => call == 1);
        var queue = new RequestLogQueue(store, _ => { }, retryDelays: [TimeSpan.FromHours(1)]);

        await queue.EnqueueAsync(Record("r"));
        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["r"], store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task InMemoryStore_OverCapacity_KeepsNewestAndFindsById()
    {
        var store = new InMemoryRequestStore(capacity: 3);
        var queue = new RequestLogQueue(store, _ => { });
        queue.Start();

        foreach (var id in new[] { "a", "b", "c", "d", "e" }) await queue.EnqueueAsync(Record(id));
        await queue.CompleteAsync();

        Assert.Equal(["e", "d", "c"], store.Recent(10).Select(r => r.RequestId));
        Assert.Equal(["e", "d"], store.Recent(2).Select(r => r.RequestId));
        Assert.Equal("d", store.Find("d")!.RequestId);
        Assert.Null(store.Find("a"));
    }

    [Fact]
    public async Task Drain_WithBatchInterval_RecordsArrivingDuringThePauseWrittenAsOneBatch()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var queue = new RequestLogQueue(store, _ => { }, batchInterval: TimeSpan.FromSeconds(1), time: time);
        queue.Start();

        await queue.EnqueueAsync(Record("first"));
        await WaitForAsync(() => store.Records.Count == 1);
        foreach (var id in new[] { "a", "b", "c" }) await queue.EnqueueAsync(Record(id));
        // The loop is pausing on the fake clock: nothing more is written until the interval passes.
        await WaitForAsync(() => { time.Advance(TimeSpan.FromSeconds(1)); return store.Records.Count == 4; });

        Assert.Equal([1, 3], store.BatchSizes);
        await queue.CompleteAsync();
    }

    [Fact]
    public async Task CompleteAsync_DuringBatchPause_WritesEverythingWithoutWaitingForTheClock()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var queue = new RequestLogQueue(store, _ => { }, batchInterval: TimeSpan.FromHours(1), time: time);
        queue.Start();
        await queue.EnqueueAsync(Record("first"));
        await WaitForAsync(() => store.Records.Count == 1);
        await queue.EnqueueAsync(Record("second"));

        await queue.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["first", "second"], store.Records.Select(r => r.RequestId));
    }

    [Fact]
    public async Task CompleteAsync_RecordsWithEveryKindOfValue_StoredEqualAndTracesKeptAsTheyAre()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });
        queue.Start();
        var failed = Record("failed") with
        {
            Status = 504, ErrorKind = ErrorKind.UpstreamTimeout, ErrorMessage = "timed out", CostUsd = 0.0012m, KeyId = "k1",
            Usage = new TokenUsage { InputTokens = 10, OutputTokens = 2 },
            Attempts = [new Attempt("fast", "openai", TimeSpan.FromMilliseconds(30), new ArbiterError(ErrorKind.UpstreamTimeout, "timed out") { UpstreamStatus = 504 })],
        };
        var orchestrated = Record("orchestrated") with { Orchestration = new OrchestrationTrace("ensemble", "vote") };

        await queue.EnqueueAsync(failed);
        await queue.EnqueueAsync(orchestrated);
        await queue.CompleteAsync();

        var stored = store.Records;
        Assert.Equal(2, stored.Count);
        Assert.NotSame(failed, stored[0]);
        Assert.Equal(failed with { Attempts = [] }, stored[0] with { Attempts = [] });
        Assert.Equal(failed.Attempts, stored[0].Attempts);
        Assert.Same(orchestrated, stored[1]);
    }

    /// <summary>Holds its first batch until released, and notes for each batch whether the log said it was behind.</summary>
    private sealed class BacklogWatchingStore : IRequestStore
    {
        public readonly TaskCompletionSource FirstBatchHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly List<(int Count, bool Behind)> Batches = [];
        public int Stored;

        public async Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
        {
            Batches.Add((batch.Count, batch is IRequestLogBacklog { IsBehind: true }));
            if (Batches.Count == 1)
            {
                FirstBatchHeld.TrySetResult();
                await Release.Task;
            }
            Stored += batch.Count;
        }
    }

    [Fact]
    public async Task DrainLoop_RecordsPilingUpBehindABatch_StoreToldTheLogIsBehindUntilCaughtUp()
    {
        var store = new BacklogWatchingStore();
        var queue = new RequestLogQueue(store, _ => { });
        await queue.EnqueueAsync(Record("first"));
        queue.Start();
        await store.FirstBatchHeld.Task;

        // While the first batch is being written, a burst arrives: six batches' worth waiting behind it.
        const int burst = 3_000;
        for (var i = 0; i < burst; i++) await queue.EnqueueAsync(Record($"burst-{i}"));
        store.Release.SetResult();
        await queue.CompleteAsync();

        Assert.Equal(1 + burst, store.Stored);
        Assert.Equal((1, false), store.Batches[0]);
        // Behind while more than RequestLogQueue.BehindAt records waited behind the batch being written, and not after.
        var waitingBehind = store.Batches.Skip(1).Select((b, i) => burst - store.Batches.Skip(1).Take(i + 1).Sum(x => x.Count)).ToList();
        Assert.Equal(waitingBehind.Select(w => w > RequestLogQueue.BehindAt), store.Batches.Skip(1).Select(b => b.Behind));
        Assert.Contains(store.Batches, b => b.Behind);
        Assert.False(store.Batches[^1].Behind);
    }

    [Fact]
    public async Task DrainLoop_LongRun_ReusesTheSameFewChunks()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });
        queue.Start();

        // 100 waves of 200 records (~600 bytes each, ~2 chunks a wave), each wave stored before the next comes.
        for (var wave = 0; wave < 100; wave++)
        {
            for (var i = 0; i < 200; i++) await queue.EnqueueAsync(Record($"request-{wave}-{i}") with { Decision = new string('d', 200) });
            await WaitForAsync(() => store.Records.Count == (wave + 1) * 200);
        }
        await queue.CompleteAsync();

        Assert.Equal(20_000, store.Records.Count);
        Assert.Equal("request-99-199", store.Records[^1].RequestId);
        // Without reuse this would be ~180 chunks.
        Assert.InRange(queue.ChunksAllocated, 1, 6);
    }

    [Fact]
    public async Task EnqueueAsync_AfterComplete_RefusedAndItsPlaceGivenBack()
    {
        var store = new RecordingStore(TimeSpan.Zero);
        var queue = new RequestLogQueue(store, _ => { });
        await queue.EnqueueAsync(Record("accepted"));
        await queue.CompleteAsync();

        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => queue.EnqueueAsync(Record("late")).AsTask());

        Assert.Equal(["accepted"], store.Records.Select(r => r.RequestId));
        Assert.Equal(0, queue.PackedWaiting);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "condition not reached");
    }
}
