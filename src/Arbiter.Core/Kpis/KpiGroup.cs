namespace Arbiter.Core.Kpis;

/// <summary>The KPIs of one value of a dimension (one model, one task type ...) and its share of the window.</summary>
public sealed record KpiGroup(string Key, KpiFigures Figures)
{
    /// <summary>Share of the window's requests (model utilisation).</summary>
    public double RequestShare { get; init; }
    /// <summary>Share of the window's priced spend; null when nothing was spent.</summary>
    public double? CostShare { get; init; }
}
