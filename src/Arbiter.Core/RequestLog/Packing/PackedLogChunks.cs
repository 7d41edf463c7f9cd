namespace Arbiter.Core.RequestLog.Packing;

/// <summary>
/// Where packed records wait: 64 KiB arrays on the pinned heap, filled one after another and reused once every
/// record in them has been read. Pinned arrays are never moved or promoted by a collection, and bytes hold no
/// references to trace, so records waiting here add nothing to a collection's work. A record larger than a chunk
/// gets an array of its own. Writers and the single reader meet under one lock, taken once per record written and
/// once per chunk read.
/// </summary>
internal sealed class PackedLogChunks
{
    internal const int ChunkSize = 64 * 1024;
    /// <summary>Free chunks kept for reuse (1 MiB); a burst that needed more leaves the rest to the collector.</summary>
    private const int KeptFree = 16;
    private readonly Lock _gate = new();
    private readonly Stack<Chunk> _free = new();
    private Chunk? _current;
    private int _used;

    /// <summary>Chunks allocated so far (reuse keeps this small).</summary>
    public int Allocated { get; private set; }

    /// <summary>Entries appended and not yet released.</summary>
    public int Unread { get { lock (_gate) return _unread; } }
    private int _unread;

    /// <summary>Copies <paramref name="packed"/> into the current chunk and returns where it is.</summary>
    public PackedEntry Append(ReadOnlySpan<byte> packed)
    {
        lock (_gate)
        {
            if (packed.Length > ChunkSize)
            {
                Allocated++;
                _unread++;
                return new PackedEntry(new Chunk(packed.ToArray()) { Pending = 1 }, 0, packed.Length);
            }
            // Every record of the current chunk was read: start it over, so a light load keeps writing to one warm array.
            if (_current is { Pending: 0 }) _used = 0;
            if (_current is null || _used + packed.Length > ChunkSize)
            {
                _current = _free.Count > 0 ? _free.Pop() : NewChunk();
                _used = 0;
            }
            packed.CopyTo(_current.Bytes.AsSpan(_used));
            var entry = new PackedEntry(_current, _used, packed.Length);
            // Each entry starts 8-byte aligned, so the strings in it (aligned to 2 within the entry) are aligned too.
            // ChunkSize is a multiple of 8, so rounding up never passes the chunk's end.
            _used = (_used + packed.Length + 7) & ~7;
            _current.Pending++;
            _unread++;
            return entry;
        }
    }

    /// <summary>The reader is done with <paramref name="count"/> entries of <paramref name="chunk"/>.</summary>
    public void Release(Chunk chunk, int count)
    {
        lock (_gate)
        {
            chunk.Pending -= count;
            _unread -= count;
            if (chunk.Pending == 0 && chunk != _current) Recycle(chunk);
        }
    }

    private void Recycle(Chunk chunk)
    {
        if (chunk.Bytes.Length == ChunkSize && _free.Count < KeptFree) _free.Push(chunk);
    }

    private Chunk NewChunk()
    {
        Allocated++;
        return new Chunk(GC.AllocateUninitializedArray<byte>(ChunkSize, pinned: true));
    }

    internal sealed class Chunk(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;
        /// <summary>Entries written into this chunk and not yet read.</summary>
        public int Pending { get; set; }
    }
}

/// <summary>A record waiting in the log queue: its packed bytes in a chunk, or the record itself when it cannot be packed.</summary>
internal readonly record struct PackedEntry(PackedLogChunks.Chunk? Chunk, int Offset, int Length, RequestRecord? Whole = null)
{
    public static PackedEntry Of(RequestRecord record) => new(null, 0, 0, record);

    public ReadOnlySpan<byte> Bytes => Chunk!.Bytes.AsSpan(Offset, Length);
}
