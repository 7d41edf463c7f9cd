using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>
/// Plans a cascade: one stage per tier, in the route's order, each the model tier selection picks for the task.
/// The cascade runner calls the stages one at a time and escalates when an answer fails a quality gate.
/// </summary>
public sealed class CascadeRoutingStrategy : IRoutingStrategy
{
    public string Name => RoutingStrategies.Cascade;

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner)
    {
        // Stages are the tiers that have an adequate model for the task; when none has, each tier's best model.
        var stages = new List<ModelEntry>(route.Tiers!.Count);
        var fallbackStages = new List<ModelEntry>(route.Tiers.Count);
        foreach (var tier in route.Tiers)
        {
            var choice = planner.Tiers.Select(tier, context.Task);
            if (choice.Chosen is not { } m) continue;
            var list = choice.Met ? stages : fallbackStages;
            if (!list.Contains(m)) list.Add(m);
        }
        if (stages.Count == 0) stages = fallbackStages;
        if (route.Fallbacks is not null)
            foreach (var f in route.Fallbacks) if (planner.Models[f] is var m && !stages.Contains(m)) stages.Add(m);
        var names = string.Join(" > ", stages.Select(s => s.Name));
        return new RoutePlan(routeName, stages, $"cascade:{routeName} -> {names}") { Mode = RouteMode.Cascade, Settings = route };
    }
}
