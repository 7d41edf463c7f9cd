using System.Collections.Concurrent;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;

namespace Arbiter.Core.Routing.Latency;

/// <summary>
/// Observed latency per model, fed by completed attempts, read by tier selection. A model's p95 counts only once
/// it has <see cref="MinSamples"/> samples; before that it is unknown and taken as meeting any target.
/// </summary>
public sealed class LatencyTracker(int window = ConfigDefaults.LatencyWindow, int minSamples = ConfigDefaults.LatencyMinSamples)
{
    private readonly ConcurrentDictionary<string, ModelLatencyWindow> _models = new(StringComparer.Ordinal);

    public int MinSamples => minSamples;

    public void Record(string model, TimeSpan duration) =>
        _models.GetOrAdd(model, static (_, size) => new ModelLatencyWindow(size), window).Record(duration.TotalMilliseconds);

    /// <summary>Records each attempt that succeeded (a failure's duration says nothing about answer latency).</summary>
    public void Record(IReadOnlyList<Attempt> attempts)
    {
        for (var i = 0; i < attempts.Count; i++)
            if (attempts[i].Succeeded) Record(attempts[i].Model, attempts[i].Duration);
    }

    /// <summary>The observed p95 in milliseconds; null while the model has fewer than <see cref="MinSamples"/> samples.</summary>
    public double? P95Ms(string model) =>
        _models.TryGetValue(model, out var w) && w.Count >= minSamples ? w.P95() : null;
}
