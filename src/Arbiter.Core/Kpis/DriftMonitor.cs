namespace Arbiter.Core.Kpis;

/// <summary>
/// Remembers which drift alerts are active between evaluations, so each is raised once and cleared once.
/// Updated by one loop; <see cref="Active"/> is an immutable snapshot anyone may read.
/// </summary>
public sealed class DriftMonitor
{
    private volatile IReadOnlyList<DriftAlert> _active = [];

    public IReadOnlyList<DriftAlert> Active => _active;

    public DriftChanges Update(IReadOnlyList<DriftAlert> detected, DateTimeOffset now)
    {
        var previous = _active.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var raised = new List<DriftAlert>();
        var next = new List<DriftAlert>(detected.Count);
        foreach (var alert in detected)
        {
            if (previous.Remove(alert.Id, out var was)) next.Add(alert with { Since = was.Since });
            else
            {
                var fresh = alert with { Since = now };
                raised.Add(fresh);
                next.Add(fresh);
            }
        }
        _active = next;
        return new DriftChanges(raised, previous.Values.ToList());
    }
}
