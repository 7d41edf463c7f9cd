namespace Arbiter.Benchmarks;

/// <summary>What the client's <c>model</c> names.</summary>
public enum RouteKind
{
    /// <summary>A configured model: the router returns a plan built at start-up.</summary>
    Direct,
    /// <summary>A route with a primary model and two fallbacks: the strategy builds a plan per request.</summary>
    RouteWithFallbacks,
}
