namespace Arbiter.Core.Kpis;

/// <summary>What KPIs can be grouped by (the names used in /admin/kpis and `arbiter report`).</summary>
public static class KpiDimensions
{
    public const string Task = "task";
    public const string Model = "model";
    public const string Route = "route";
    public const string Key = "key";
    public const string Tier = "tier";
    /// <summary>How models worked together: single (one model, its fallbacks), ensemble, chain, session, orchestrate.</summary>
    public const string Mode = "mode";

    public static readonly IReadOnlyList<string> All = [Task, Model, Route, Key, Tier, Mode];

    /// <summary>The mode of a request that used one model (with its fallbacks or cascade).</summary>
    public const string SingleMode = "single";

    /// <summary>The group of a record that has no value for the dimension (e.g. a request no model served).</summary>
    public const string None = "(none)";
}
