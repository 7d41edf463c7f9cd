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
}
