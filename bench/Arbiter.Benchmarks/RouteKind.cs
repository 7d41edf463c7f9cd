namespace Arbiter.Benchmarks;

/// <summary>What the client's <c>model</c> names.</summary>
public enum RouteKind
{
    /// <summary>A configured model: the router returns a plan built at start-up.</summary>
    Direct,
    /// <summary>A route with a primary model and two fallbacks: the plan is cached per route.</summary>
    RouteWithFallbacks,
    /// <summary>A tier route over two tiers: quality table and latency window read per request.</summary>
    Tier,
    /// <summary>A rules route: six rules (task, team, tools, JSON, metadata, regex over the last user message) miss, then the default tier route.</summary>
    Rules,
    /// <summary>A cascade over three tiers: one tier selection per stage.</summary>
    Cascade,
    /// <summary>An A/B split: XxHash64 of the user, then the arm's model.</summary>
    Split,
    /// <summary>A route that scans the prompt for personal data and secrets (six detectors) before its model.</summary>
    Privacy,
}
