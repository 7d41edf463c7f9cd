using System.Text.Json.Serialization;

namespace Arbiter.Core.Kpis;

/// <summary>A half-open time window [From, To).</summary>
public sealed record KpiWindow(DateTimeOffset From, DateTimeOffset To)
{
    [JsonIgnore]
    public TimeSpan Length => To - From;

    public bool Contains(DateTimeOffset t) => t >= From && t < To;

    /// <summary>The window of the same length just before this one (the default drift baseline).</summary>
    public KpiWindow Previous() => new(From - Length, From);

    public static KpiWindow Last(TimeSpan length, DateTimeOffset now) => new(now - length, now);
}
