using Arbiter.Core.Config;

namespace Arbiter.Core.Routing;

/// <summary>One way of turning a route and a request into a <see cref="RoutePlan"/>; chosen by <see cref="Name"/> in config.</summary>
public interface IRoutingStrategy
{
    /// <summary>One of <see cref="RoutingStrategies"/>.</summary>
    string Name { get; }

    /// <param name="planner">The router: the model catalog, tier selection, and planning another route or model by name.</param>
    RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner);
}
