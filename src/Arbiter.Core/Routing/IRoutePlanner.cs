using Arbiter.Core.Models;
using Arbiter.Core.Routing.Tiers;

namespace Arbiter.Core.Routing;

/// <summary>What a strategy may ask of the router.</summary>
public interface IRoutePlanner
{
    ModelCatalog Models { get; }
    TierSelector Tiers { get; }

    /// <summary>Plans a route or a model by name (a rule's or an arm's target).</summary>
    RoutePlan PlanTarget(string routeOrModel, RoutingContext context);
}
