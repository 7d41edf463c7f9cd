using System.Collections.Concurrent;
using Arbiter.Core.Config;

namespace Arbiter.Core.Routing.Rules;

/// <summary>
/// Evaluates the route's rules in order; the first that matches names the route or model that plans the request
/// (<c>rule:NAME -> ...</c>). No match: the route's <c>default</c>.
/// </summary>
public sealed class RulesRoutingStrategy : IRoutingStrategy
{
    private readonly ConcurrentDictionary<string, CompiledRule[]> _compiled = new(StringComparer.Ordinal);

    public string Name => RoutingStrategies.Rules;

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner)
    {
        var rules = _compiled.GetOrAdd(routeName, static (_, r) => (r.Rules ?? []).Select(x => new CompiledRule(x)).ToArray(), route);
        foreach (var rule in rules)
        {
            if (!rule.Matches(context)) continue;
            var plan = planner.PlanTarget(rule.Target, context);
            return plan with { Reason = $"rule:{rule.Name} -> {plan.Reason}" };
        }
        var fallback = planner.PlanTarget(route.Default!, context);
        return fallback with { Reason = $"rules:{routeName} no match -> {fallback.Reason}" };
    }
}
