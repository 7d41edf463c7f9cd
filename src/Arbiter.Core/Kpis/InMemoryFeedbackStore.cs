namespace Arbiter.Core.Kpis;

/// <summary>Keeps the most recent feedback in memory (the default, like the in-memory request log).</summary>
public sealed class InMemoryFeedbackStore(int capacity = 100_000) : IFeedbackStore
{
    private readonly Queue<QualityFeedback> _items = new();
    private readonly Lock _gate = new();

    public Task WriteAsync(QualityFeedback feedback, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_items.Count == capacity) _items.Dequeue();
            _items.Enqueue(feedback);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QualityFeedback>> QueryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<QualityFeedback>>(_items.Where(f => f.At >= from && f.At < to).ToList());
    }
}
