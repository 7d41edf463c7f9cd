using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>One way of turning a route and a request into a <see cref="RoutePlan"/>; chosen by <see cref="Name"/> in config.</summary>
public interface IRoutingStrategy
{
    /// <summary>One of <see cref="RoutingStrategies"/>.</summary>
    string Name { get; }

    RoutePlan Plan(string routeName, RouteConfig route, ChatRequest request, ModelCatalog models);
}
