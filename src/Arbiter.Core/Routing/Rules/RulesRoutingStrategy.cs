using System.Collections.Concurrent;
using Arbiter.Core.Config;

namespace Arbiter.Core.Routing.Rules;

/// <summary>
/// Evaluates the route's rules in order; the first that matches names the route or model that plans the request
/// (<c>rule:NAME -> ...</c>). No match: the route's <c>default</c>.
/// </summary>
public sealed class RulesRoutingStrategy : IRoutingStrategy, IPreparedRoutingStrategy
{
    private readonly ConcurrentDictionary<string, CompiledRule[]> _compiled = new(StringComparer.Ordinal);

    public string Name => RoutingStrategies.Rules;

    /// <summary>Compiles the route's rules and runs each regex once, at start-up rather than on the first request.</summary>
    public void Prepare(string routeName, RouteConfig route)
    {
        foreach (var rule in Compiled(routeName, route)) rule.WarmUp();
    }

    private CompiledRule[] Compiled(string routeName, RouteConfig route) =>
        _compiled.GetOrAdd(routeName, static (_, r) => (r.Rules ?? []).Select(x => new CompiledRule(x)).ToArray(), route);

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner)
    {
        var rules = Compiled(routeName, route);
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
