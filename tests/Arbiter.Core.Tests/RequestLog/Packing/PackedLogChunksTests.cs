using Arbiter.Core.RequestLog.Packing;

namespace Arbiter.Core.Tests.RequestLog.Packing;

public sealed class PackedLogChunksTests
{
    private static byte[] Bytes(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

    [Fact]
    public void Append_ManyRecordsReadAsTheyCome_ReusesOneChunk()
    {
        var chunks = new PackedLogChunks();
        for (var i = 0; i < 10_000; i++)
        {
            var entry = chunks.Append(Bytes(500, (byte)i));
            Assert.Equal(Bytes(500, (byte)i), entry.Bytes.ToArray());
            chunks.Release(entry.Chunk!, 1);
        }

        Assert.Equal(1, chunks.Allocated);
    }

    [Fact]
    public void Append_BacklogReadLater_EveryRecordIntactAndChunksReused()
    {
        var chunks = new PackedLogChunks();
        for (var round = 0; round < 20; round++)
        {
            var waiting = Enumerable.Range(0, 1_000).Select(i => (chunks.Append(Bytes(300 + i % 7, (byte)(i + round))), i)).ToList();
            foreach (var (entry, i) in waiting)
            {
                Assert.Equal(Bytes(300 + i % 7, (byte)(i + round)), entry.Bytes.ToArray());
                chunks.Release(entry.Chunk!, 1);
            }
        }

        // 1,000 records of ~300 bytes fill five chunks; later rounds reuse them.
        Assert.InRange(chunks.Allocated, 5, 6);
    }

    [Fact]
    public void Append_LargerThanAChunk_GetsAnArrayOfItsOwn()
    {
        var chunks = new PackedLogChunks();
        var small = chunks.Append(Bytes(10, 1));
        var large = chunks.Append(Bytes(PackedLogChunks.ChunkSize + 1, 2));
        var after = chunks.Append(Bytes(10, 3));

        Assert.NotSame(small.Chunk, large.Chunk);
        Assert.Same(small.Chunk, after.Chunk);
        Assert.Equal(Bytes(PackedLogChunks.ChunkSize + 1, 2), large.Bytes.ToArray());
        Assert.Equal(Bytes(10, 1), small.Bytes.ToArray());
    }

    [Fact]
    public void Append_ChunkWithUnreadRecord_NotOverwritten()
    {
        var chunks = new PackedLogChunks();
        var unread = chunks.Append(Bytes(100, 7));
        for (var i = 0; i < 5_000; i++) chunks.Release(chunks.Append(Bytes(200, 9)).Chunk!, 1);

        Assert.Equal(Bytes(100, 7), unread.Bytes.ToArray());
        Assert.True(chunks.Allocated >= 2);
    }

    [Fact]
    public async Task AppendAndRelease_ManyWritersOneReaderOutOfOrder_EveryRecordIntactAndNothingLeftUnread()
    {
        var chunks = new PackedLogChunks();
        var queue = new System.Collections.Concurrent.BlockingCollection<(PackedEntry Entry, byte Fill, int Length)>();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                var length = 50 + (i * 37 + w) % 900;
                var fill = (byte)(i + w * 61);
                queue.Add((chunks.Append(Bytes(length, fill)), fill, length));
            }
        })).ToArray();
        var reader = Task.Run(() =>
        {
            var rng = new Random(7);
            var held = new List<(PackedEntry Entry, byte Fill, int Length)>();
            var corrupt = 0;
            foreach (var item in queue.GetConsumingEnumerable())
            {
                held.Add(item);
                // Release in a shuffled order, a few entries behind, as a slow reader might.
                while (held.Count > 20 || (queue.IsCompleted && held.Count > 0))
                {
                    var k = rng.Next(held.Count);
                    var (entry, fill, length) = held[k];
                    held.RemoveAt(k);
                    if (!entry.Bytes.SequenceEqual(Bytes(length, fill))) corrupt++;
                    chunks.Release(entry.Chunk!, 1);
                }
            }
            foreach (var (entry, fill, length) in held)
            {
                if (!entry.Bytes.SequenceEqual(Bytes(length, fill))) corrupt++;
                chunks.Release(entry.Chunk!, 1);
            }
            return corrupt;
        });

        await Task.WhenAll(writers);
        queue.CompleteAdding();

        Assert.Equal(0, await reader);
        Assert.Equal(0, chunks.Unread);
    }

    [Fact]
    public void Release_OversizedEntry_NeverHandedOutAgain()
    {
        var chunks = new PackedLogChunks();
        var large = chunks.Append(Bytes(PackedLogChunks.ChunkSize * 2, 5));
        chunks.Release(large.Chunk!, 1);

        var later = Enumerable.Range(0, 2_000).Select(i => chunks.Append(Bytes(1_000, (byte)i))).ToList();

        Assert.DoesNotContain(later, e => ReferenceEquals(e.Chunk, large.Chunk));
        Assert.Equal(2_000, chunks.Unread);
    }
}
