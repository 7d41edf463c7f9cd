namespace Arbiter.Core.RequestLog;

/// <summary>Keeps the most recent records in memory (the default store until a database is configured).</summary>
public sealed class InMemoryRequestStore(int capacity = 10_000) : IRequestStore
{
    private readonly Queue<RequestRecord> _records = new();
    private readonly Lock _gate = new();

    public Task WriteBatchAsync(IReadOnlyList<RequestRecord> batch, CancellationToken cancellationToken)
    {
        // Read the whole batch before keeping any of it: a batch that fails part way (a record the log cannot read)
        // is written again, and must not leave its first records here twice.
        var records = batch.ToArray();
        lock (_gate)
        {
            foreach (var r in records)
            {
                if (_records.Count == capacity) _records.Dequeue();
                _records.Enqueue(r);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RequestRecord>> QueryAsync(RequestQuery query, CancellationToken cancellationToken)
    {
        RequestRecord[] snapshot;
        lock (_gate) snapshot = _records.ToArray();
        var found = new List<RequestRecord>();
        // Newest first: records arrive roughly in start order, so walk from the end and sort what matched.
        for (var i = snapshot.Length - 1; i >= 0; i--)
            if (query.Matches(snapshot[i])) found.Add(snapshot[i]);
        found.Sort(static (a, b) => b.StartedAt.CompareTo(a.StartedAt));
        if (found.Count > query.Limit) found.RemoveRange(query.Limit, found.Count - query.Limit);
        return Task.FromResult<IReadOnlyList<RequestRecord>>(found);
    }

    /// <summary>The newest records first.</summary>
    public IReadOnlyList<RequestRecord> Recent(int count)
    {
        lock (_gate) return _records.Reverse().Take(count).ToList();
    }

    public RequestRecord? Find(string requestId)
    {
        lock (_gate) return _records.LastOrDefault(r => r.RequestId == requestId);
    }
}
