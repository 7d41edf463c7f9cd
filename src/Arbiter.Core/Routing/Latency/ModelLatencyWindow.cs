namespace Arbiter.Core.Routing.Latency;

/// <summary>
/// The last N call durations of one model in a ring, and their p95, recomputed at most every few samples.
/// One small lock per model: no request waits on another model's calls.
/// </summary>
internal sealed class ModelLatencyWindow(int size)
{
    private const int RecomputeEvery = 8;
    private readonly double[] _ring = new double[size];
    private readonly Lock _gate = new();
    private int _count, _next, _sinceCompute;
    private double _p95;

    public void Record(double ms)
    {
        lock (_gate)
        {
            _ring[_next] = ms;
            _next = (_next + 1) % _ring.Length;
            if (_count < _ring.Length) _count++;
            _sinceCompute++;
        }
    }

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>The nearest-rank 95th percentile of the window; null without samples.</summary>
    public double? P95()
    {
        lock (_gate)
        {
            if (_count == 0) return null;
            if (_sinceCompute == 0 || (_sinceCompute < RecomputeEvery && _count > RecomputeEvery)) return _p95;
            Span<double> sorted = _count <= 256 ? stackalloc double[_count] : new double[_count];
            _ring.AsSpan(0, _count).CopyTo(sorted);
            sorted.Sort();
            _p95 = sorted[(int)Math.Ceiling(0.95 * _count) - 1];
            _sinceCompute = 0;
            return _p95;
        }
    }
}
