namespace Arbiter.Core.Routing;

/// <summary>The names of the routing strategies, as written under <c>routes.NAME.strategy</c>.</summary>
public static class RoutingStrategies
{
    /// <summary>One model, then its fallbacks in order.</summary>
    public const string Single = "single";

    /// <summary>A trained router (Arbiter.Learning) predicts each model's chance of a good answer; registered by the server.</summary>
    public const string Learned = "learned";

    /// <summary>The cheapest model of a tier whose quality meets the tier's bar and whose observed p95 meets its target.</summary>
    public const string Tier = "tier";

    /// <summary>Rules evaluated in order; the first match names the route or model.</summary>
    public const string Rules = "rules";

    /// <summary>The cheapest adequate model first; its answer passes quality gates or the next tier answers.</summary>
    public const string Cascade = "cascade";

    /// <summary>Weighted arms with sticky assignment (A/B tests and canaries).</summary>
    public const string Split = "split";

    /// <summary>Every strategy the router has, for validating <c>routes.NAME.strategy</c>.</summary>
    public static readonly IReadOnlyList<string> All = [Single, Tier, Rules, Cascade, Split, Learned];
}
