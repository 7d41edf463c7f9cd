namespace Arbiter.Core.Kpis;

/// <summary>One step of a KPI time series: the requests started in [Start, Start + bucket length).</summary>
public sealed record KpiBucket(DateTimeOffset Start, KpiFigures Figures);
