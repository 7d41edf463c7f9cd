using Arbiter.Core.Config;

namespace Arbiter.Core.Routing.Tiers;

/// <summary>
/// Chooses in the route's tiers in order: the first tier with a qualifying model answers, with its other
/// qualifying models (then the route's fallbacks) as fallbacks. When no tier qualifies, the last tier's best
/// model answers and the decision says so.
/// </summary>
public sealed class TierRoutingStrategy : IRoutingStrategy
{
    public string Name => RoutingStrategies.Tier;

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner)
    {
        TierChoice? choice = null;
        foreach (var tier in route.Tiers!)
        {
            var c = planner.Tiers.Select(tier, context.Task);
            if (c.Chosen is null) continue;
            choice = c;
            if (c.Met) break;
        }
        if (choice is null)
            return new RoutePlan(routeName, route.Fallbacks?.Select(f => planner.Models[f]).ToList() ?? [],
                $"route:{routeName}: no model in tiers {string.Join(", ", route.Tiers!)}");
        var candidates = new List<Models.ModelEntry>(choice.Qualifying.Count + 1 + (route.Fallbacks?.Count ?? 0)) { choice.Chosen! };
        foreach (var m in choice.Qualifying) if (!candidates.Contains(m)) candidates.Add(m);
        if (route.Fallbacks is not null)
            foreach (var f in route.Fallbacks) if (planner.Models[f] is var m && !candidates.Contains(m)) candidates.Add(m);
        return new RoutePlan(routeName, candidates, choice.Reason);
    }
}
