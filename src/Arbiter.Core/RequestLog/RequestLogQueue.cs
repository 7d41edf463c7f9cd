using System.Threading.Channels;
using Arbiter.Core.RequestLog.Packing;

namespace Arbiter.Core.RequestLog;

/// <summary>
/// Takes records from requests without making them wait on storage: a bounded channel, drained by one
/// background loop in batches. When the channel is full the request waits (back-pressure) rather than lose a
/// record. <see cref="CompleteAsync"/> drains everything already accepted, for graceful shutdown, whether or not
/// <see cref="Start"/> was called. Records wait packed as bytes (<see cref="RequestRecordPacking"/>), so a batch
/// gathering under load adds nothing to the garbage collector's work, and become objects one at a time as the store
/// reads them (<see cref="PackedRecordBatch"/>).
/// </summary>
public sealed class RequestLogQueue
{
    public const int DefaultCapacity = 50_000;
    private static readonly TimeSpan[] DefaultRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private const int MaxBatch = 500;
    /// <summary>
    /// Records waiting behind a batch beyond which the log is behind (<see cref="IRequestLogBacklog"/>): about a tenth of
    /// a second at the bench's load, a few hundred bytes each in the pinned chunks.
    /// </summary>
    public const int BehindAt = 2_000;
    private readonly Channel<PackedEntry> _channel;
    private readonly PackedLogChunks _chunks = new();
    private readonly StringCache _names = new();
    [ThreadStatic] private static byte[]? t_packBuffer;
    private readonly IRequestStore _store;
    private readonly Action<Exception> _onStoreError;
    private readonly Action<RequestRecord>? _onRecord;
    private readonly Lock _gate = new();
    private readonly TimeSpan _batchInterval;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private Task? _loop;
    private readonly CancellationTokenSource _completing = new();

    /// <param name="batchInterval">
    /// After writing a part-full batch, wait this long before the next write so records gather into larger batches.
    /// A SQL store pays a fixed price per batch (a transaction, statement preparation), which under load costs more
    /// than the rows themselves; zero writes as soon as records arrive.
    /// </param>
    /// <param name="retryDelays">
    /// A batch the store refuses is written again after each of these pauses before it is reported and dropped, so a
    /// database blip (a restart, a dropped connection) costs no accepted record. Default: 0.2 s, 1 s, 3 s. At shutdown
    /// the retries run without pauses.
    /// </param>
    /// <param name="onRecord">
    /// Sees every accepted record once, as the store reads it (or after the store gave up on its batch), off the
    /// request path: the gateway's metrics. An exception from it is reported once a batch and stops nothing.
    /// </param>
    public RequestLogQueue(IRequestStore store, Action<Exception> onStoreError, int capacity = DefaultCapacity,
        TimeSpan batchInterval = default, TimeProvider? time = null, IReadOnlyList<TimeSpan>? retryDelays = null,
        Action<RequestRecord>? onRecord = null)
    {
        _onRecord = onRecord;
        _retryDelays = retryDelays ?? DefaultRetryDelays;
        _store = store;
        _onStoreError = onStoreError;
        _batchInterval = batchInterval;
        _time = time ?? TimeProvider.System;
        _channel = Channel.CreateBounded<PackedEntry>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public void Start() => Loop();

    // One loop at most: the channel is created for a single reader.
    private Task Loop()
    {
        lock (_gate) return _loop ??= Task.Run(DrainAsync);
    }

    /// <summary>Accepts a record; completes at once unless the queue is full.</summary>
    public ValueTask EnqueueAsync(RequestRecord record)
    {
        var entry = RequestRecordPacking.CanPack(record) ? _chunks.Append(Pack(record)) : PackedEntry.Of(record);
        return _channel.Writer.TryWrite(entry) ? ValueTask.CompletedTask : WaitToEnqueueAsync(entry);
    }

    // The queue is full (wait for room) or completed (refused): a refused entry gives its place in the chunk back.
    private async ValueTask WaitToEnqueueAsync(PackedEntry entry)
    {
        try
        {
            await _channel.Writer.WriteAsync(entry).ConfigureAwait(false);
        }
        catch when (entry.Chunk is { } chunk)
        {
            _chunks.Release(chunk, 1);
            throw;
        }
    }

    /// <summary>Chunks the waiting records have needed so far (for tests: they are reused).</summary>
    internal int ChunksAllocated => _chunks.Allocated;

    /// <summary>Packed records accepted and not yet read back (for tests).</summary>
    internal int PackedWaiting => _chunks.Unread;

    // Packed into a buffer kept per thread, then copied into the shared chunk under its lock.
    private static ReadOnlySpan<byte> Pack(RequestRecord record)
    {
        var writer = new PackWriter(t_packBuffer ??= new byte[1024]);
        RequestRecordPacking.Pack(ref writer, record);
        if (writer.Buffer.Length <= PackedLogChunks.ChunkSize) t_packBuffer = writer.Buffer;
        return writer.Written;
    }

    /// <summary>Stops accepting and waits until every accepted record is stored.</summary>
    public async Task CompleteAsync()
    {
        _completing.Cancel();
        _channel.Writer.TryComplete();
        // Without a running loop the accepted records would be dropped; start one to store them and end.
        await Loop().ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        var reader = _channel.Reader;
        var batch = new PackedRecordBatch(MaxBatch, _names, _onRecord, Report, () => reader.Count);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Taken < MaxBatch && reader.TryRead(out var entry)) batch.Add(entry);
            await WriteAsync(batch).ConfigureAwait(false);
            batch.ObserveRest();
            var partFull = batch.Taken < MaxBatch;
            batch.Release(_chunks);
            if (partFull && _batchInterval > TimeSpan.Zero && !_completing.IsCancellationRequested)
            {
                // Shutdown cuts the wait short: everything accepted is written at once.
                try { await Task.Delay(_batchInterval, _time, _completing.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
        }
    }

    // The log must outlive a failing error handler.
    private void Report(Exception ex)
    {
        try { _onStoreError(ex); }
        catch (Exception) { }
    }

    private async Task WriteAsync(PackedRecordBatch batch)
    {
        for (var attempt = 0; ; )
        {
            try
            {
                await _store.WriteBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (Unreadable(ex) is { } unreadable)
            {
                // Only a packing bug gets here: that record is lost, said so, and the rest of the batch is written again
                // (the store's write of it failed as a whole), without counting against the store's retries.
                Report(unreadable.DroppedRecordError());
                batch.Drop(unreadable.Index);
            }
            catch (Exception) when (attempt < _retryDelays.Count)
            {
                if (!_completing.IsCancellationRequested)
                    try { await Task.Delay(_retryDelays[attempt], _time, _completing.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) { }
                attempt++;
            }
            catch (Exception ex)
            {
                Report(ex);
                return;
            }
        }
    }

    private static UnreadableRecordException? Unreadable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is UnreadableRecordException unreadable) return unreadable;
        return null;
    }
}
