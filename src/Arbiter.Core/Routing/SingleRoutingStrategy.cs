using System.Collections.Concurrent;
using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>
/// The route's model first, then each fallback in the configured order. The plan depends on the configuration
/// alone, so it is built once per route and reused.
/// </summary>
public sealed class SingleRoutingStrategy : IRoutingStrategy
{
    private readonly ConcurrentDictionary<string, RoutePlan> _plans = new(StringComparer.Ordinal);

    public string Name => RoutingStrategies.Single;

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner) =>
        _plans.GetOrAdd(routeName, static (name, state) => Build(name, state.route, state.models), (route, models: planner.Models));

    private static RoutePlan Build(string routeName, RouteConfig route, ModelCatalog models)
    {
        var names = new List<string> { route.Model! };
        if (route.Fallbacks is not null) names.AddRange(route.Fallbacks);
        var reason = route.Fallbacks is { Count: > 0 }
            ? $"route:{routeName} -> {route.Model} (fallbacks: {string.Join(", ", route.Fallbacks)})"
            : $"route:{routeName} -> {route.Model}";
        return new RoutePlan(routeName, names.Select(n => models[n]).ToList(), reason);
    }
}
