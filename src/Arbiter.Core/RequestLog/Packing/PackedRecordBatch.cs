using System.Collections;

namespace Arbiter.Core.RequestLog.Packing;

/// <summary>
/// A batch of waiting records as the store reads it: each record is unpacked when the store asks for it, not before.
/// A batch takes milliseconds to write and yields the core to requests meanwhile; unpacked up front, its hundreds of
/// records outlived several collections and were promoted (a gen1 collection every fourth gen0 at 16 connections),
/// while read one at a time each record dies young. A store keeps what it reads: reading an index again unpacks it
/// again (only the last record read is kept). The observer sees each record once, the first time it is read
/// or, for records the store never reached, at <see cref="ObserveRest"/>. One reader at a time (the log has one
/// writer, and every store reads its batch in order).
/// </summary>
/// <param name="waiting">How many records wait in the queue behind this batch (read when a store asks <see cref="IsBehind"/>).</param>
internal sealed class PackedRecordBatch(int capacity, StringCache names, Action<RequestRecord>? observe, Action<Exception> report,
    Func<int>? waiting = null)
    : IReadOnlyList<RequestRecord>, IRequestLogBacklog
{
    private readonly List<PackedEntry> _entries = new(capacity);
    // Positions in _entries still in the batch: an entry that cannot be unpacked is dropped from here, and released
    // with the others at the end.
    private readonly List<int> _live = new(capacity);
    private bool[] _observed = new bool[capacity];
    private int _lastIndex = -1;
    private RequestRecord? _last;
    private bool _observerFailed;

    /// <summary>Entries taken from the queue for this batch, dropped ones included.</summary>
    public int Taken => _entries.Count;

    public int Count => _live.Count;

    public bool IsBehind => waiting is not null && waiting() > RequestLogQueue.BehindAt;

    public void Add(PackedEntry entry)
    {
        _live.Add(_entries.Count);
        _entries.Add(entry);
        if (_entries.Count > _observed.Length) Array.Resize(ref _observed, _observed.Length * 2);
    }

    /// <exception cref="UnreadableRecordException">The entry's bytes are not a packed record (a packing bug).</exception>
    public RequestRecord this[int index]
    {
        get
        {
            if (index == _lastIndex) return _last!;
            var position = _live[index];
            var record = Read(position, index);
            (_lastIndex, _last) = (index, record);
            See(position, record);
            return record;
        }
    }

    private RequestRecord Read(int position, int index)
    {
        var entry = _entries[position];
        if (entry.Whole is { } whole) return whole;
        try { return RequestRecordPacking.Unpack(entry.Bytes, names); }
        catch (Exception ex) { throw new UnreadableRecordException(index, ex); }
    }

    private void See(int position, RequestRecord record)
    {
        if (_observed[position]) return;
        _observed[position] = true;
        if (observe is null) return;
        try { observe(record); }
        catch (Exception ex) when (!_observerFailed)
        {
            // Reported once a batch: a broken observer must not flood the log, nor stop the records being stored.
            _observerFailed = true;
            report(ex);
        }
        catch (Exception) { }
    }

    /// <summary>Takes the record at <paramref name="index"/> out of the batch (it could not be unpacked).</summary>
    public void Drop(int index)
    {
        _live.RemoveAt(index);
        (_lastIndex, _last) = (-1, null);
    }

    /// <summary>Shows the observer the records the store did not read (it failed before reaching them).</summary>
    public void ObserveRest()
    {
        if (observe is null) return;
        for (var i = 0; i < _live.Count; i++)
        {
            if (_observed[_live[i]]) continue;
            try { _ = this[i]; }
            catch (UnreadableRecordException ex) { report(ex.DroppedRecordError()); }
        }
    }

    /// <summary>Gives every entry's place back to <paramref name="chunks"/> and empties the batch for the next one.</summary>
    public void Release(PackedLogChunks chunks)
    {
        PackedLogChunks.Chunk? chunk = null;
        var count = 0;
        foreach (var entry in _entries)
        {
            if (entry.Chunk is null) continue;
            if (entry.Chunk != chunk)
            {
                if (chunk is not null) chunks.Release(chunk, count);
                (chunk, count) = (entry.Chunk, 0);
            }
            count++;
        }
        if (chunk is not null) chunks.Release(chunk, count);
        _entries.Clear();
        _live.Clear();
        Array.Clear(_observed);
        (_lastIndex, _last, _observerFailed) = (-1, null, false);
    }

    public IEnumerator<RequestRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A waiting record whose bytes could not be unpacked: only a packing bug gets here.</summary>
internal sealed class UnreadableRecordException(int index, Exception inner)
    : Exception($"request log: the waiting record at {index} in its batch could not be unpacked", inner)
{
    public int Index => index;

    /// <summary>What the log reports: the record is dropped and the log goes on.</summary>
    public Exception DroppedRecordError() =>
        new InvalidOperationException("request log: a waiting record could not be unpacked and was dropped", InnerException);
}
