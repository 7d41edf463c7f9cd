using System.Runtime.CompilerServices;
using Arbiter.Core.RequestLog;
using Arbiter.Core.RequestLog.Packing;
using static Arbiter.Core.Tests.RequestLog.RequestLogQueueTests;

namespace Arbiter.Core.Tests.RequestLog.Packing;

public sealed class PackedRecordBatchTests
{
    private static PackedEntry Packed(PackedLogChunks chunks, RequestRecord record)
    {
        var writer = new PackWriter(new byte[1024]);
        RequestRecordPacking.Pack(ref writer, record);
        return chunks.Append(writer.Written);
    }

    private static PackedRecordBatch Batch(PackedLogChunks chunks, IEnumerable<string> ids, List<RequestRecord>? observed = null,
        List<Exception>? reported = null)
    {
        var batch = new PackedRecordBatch(4, new StringCache(), observed is null ? null : observed.Add, ex => reported?.Add(ex));
        foreach (var id in ids) batch.Add(Packed(chunks, Record(id)));
        return batch;
    }

    [Fact]
    public void Indexer_UnpacksOnRead_EqualRecordsAndTheLastOneKept()
    {
        var chunks = new PackedLogChunks();
        var batch = Batch(chunks, ["a", "b"]);

        var first = batch[0];
        Assert.Equal(Record("a"), first);
        Assert.Same(first, batch[0]);
        Assert.Equal(Record("b"), batch[1]);
        // Read again after another: unpacked again, equal but not the same object.
        Assert.NotSame(first, batch[0]);
        Assert.Equal(first, batch[0]);
        Assert.Equal(["a", "b"], batch.Select(r => r.RequestId));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ReadAndForget(PackedRecordBatch batch, int index) => new(batch[index]);

    [Fact]
    public void Indexer_RecordsAlreadyReadAreNotHeldByTheBatch()
    {
        var chunks = new PackedLogChunks();
        var batch = Batch(chunks, Enumerable.Range(0, 10).Select(i => $"r{i}"));

        var early = ReadAndForget(batch, 0);
        for (var i = 1; i < batch.Count; i++) _ = batch[i];
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(early.IsAlive);
    }

    [Fact]
    public void Observer_SeesEachRecordOnceHoweverOftenItIsRead_AndTheUnreadAtObserveRest()
    {
        var chunks = new PackedLogChunks();
        var observed = new List<RequestRecord>();
        var batch = Batch(chunks, ["a", "b", "c", "d", "e"], observed);

        _ = batch[1];
        _ = batch[0];
        _ = batch[1];
        foreach (var _ in batch) { }
        Assert.Equal(["b", "a", "c", "d", "e"], observed.Select(r => r.RequestId));

        batch.ObserveRest();
        Assert.Equal(5, observed.Count);

        var unread = Batch(chunks, ["x", "y"], observed);
        _ = unread[1];
        unread.ObserveRest();
        Assert.Equal(["y", "x"], observed.Skip(5).Select(r => r.RequestId));
    }

    [Fact]
    public void Observer_Throwing_ReportedOnceABatchAndRecordsStillRead()
    {
        var chunks = new PackedLogChunks();
        var reported = new List<Exception>();
        var batch = new PackedRecordBatch(4, new StringCache(), _ => throw new InvalidOperationException("metrics broke"), reported.Add);
        foreach (var id in new[] { "a", "b", "c" }) batch.Add(Packed(chunks, Record(id)));

        Assert.Equal(["a", "b", "c"], batch.Select(r => r.RequestId));

        Assert.Equal("metrics broke", Assert.Single(reported).Message);
    }

    [Fact]
    public void Indexer_BytesThatAreNotARecord_UnreadableAtThatIndexAndDropLeavesTheRest()
    {
        var chunks = new PackedLogChunks();
        var reported = new List<Exception>();
        var observed = new List<RequestRecord>();
        var batch = Batch(chunks, ["a"], observed, reported);
        batch.Add(chunks.Append([0xFF, 0xFF, 0xFF]));
        batch.Add(Packed(chunks, Record("c")));

        var error = Assert.Throws<UnreadableRecordException>(() => batch.ToList());
        Assert.Equal(1, error.Index);
        batch.Drop(error.Index);

        Assert.Equal(["a", "c"], batch.Select(r => r.RequestId));
        Assert.Equal(3, batch.Taken);
        Assert.Equal(["a", "c"], observed.Select(r => r.RequestId));
    }

    [Fact]
    public async Task InMemoryStore_BatchFailingOnAnUnreadableRecord_KeepsNothingUntilWrittenAgainWithoutIt()
    {
        var chunks = new PackedLogChunks();
        var store = new InMemoryRequestStore();
        var batch = Batch(chunks, ["a"]);
        batch.Add(chunks.Append([0xFF, 0xFF, 0xFF]));
        batch.Add(Packed(chunks, Record("c")));

        var error = await Assert.ThrowsAsync<UnreadableRecordException>(() => store.WriteBatchAsync(batch, default));
        Assert.Empty(store.Recent(10));

        batch.Drop(error.Index);
        await store.WriteBatchAsync(batch, default);

        Assert.Equal(["c", "a"], store.Recent(10).Select(r => r.RequestId));
    }

    [Fact]
    public void Release_GivesEveryEntryBackIncludingDroppedOnes_AndEmptiesTheBatch()
    {
        var chunks = new PackedLogChunks();
        var batch = Batch(chunks, ["a", "b"]);
        batch.Add(PackedEntry.Of(Record("whole")));
        batch.Add(chunks.Append([0xFF]));
        batch.Drop(3);
        Assert.Equal(3, chunks.Unread);

        batch.Release(chunks);

        Assert.Equal(0, chunks.Unread);
        Assert.Empty(batch);
        Assert.Equal(0, batch.Taken);
        batch.Add(Packed(chunks, Record("next")));
        Assert.Equal("next", Assert.Single(batch).RequestId);
    }

    [Fact]
    public void Add_PastItsCapacity_Grows()
    {
        var chunks = new PackedLogChunks();
        var observed = new List<RequestRecord>();
        var batch = Batch(chunks, Enumerable.Range(0, 9).Select(i => $"r{i}"), observed);

        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"r{i}"), batch.Select(r => r.RequestId));
        Assert.Equal(9, observed.Count);
    }
}
