using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>The route's model first, then each fallback in the configured order.</summary>
public sealed class SingleRoutingStrategy : IRoutingStrategy
{
    public string Name => RoutingStrategies.Single;

    public RoutePlan Plan(string routeName, RouteConfig route, ChatRequest request, ModelCatalog models)
    {
        var names = new List<string> { route.Model! };
        if (route.Fallbacks is not null) names.AddRange(route.Fallbacks);
        var reason = route.Fallbacks is { Count: > 0 }
            ? $"route:{routeName} -> {route.Model} (fallbacks: {string.Join(", ", route.Fallbacks)})"
            : $"route:{routeName} -> {route.Model}";
        return new RoutePlan(routeName, names.Select(n => models[n]).ToList(), reason);
    }
}
