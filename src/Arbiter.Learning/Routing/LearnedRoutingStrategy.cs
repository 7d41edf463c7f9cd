using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Learning.Routing;

/// <summary>
/// <c>strategy: learned</c>: a router trained with <c>arbiter router train</c> (<c>model_dir</c>) predicts each
/// model's chance of a good answer from the last user message and picks the best trade-off with its cost
/// (<c>lambda</c>), or uses the router's calibrated strong/weak threshold when <c>lambda</c> is not set; within
/// <c>margin</c> of a tie it routes up. Every learned route is loaded when the gateway starts.
/// </summary>
public sealed class LearnedRoutingStrategy : IRoutingStrategy
{
    private readonly Dictionary<string, LearnedRoute> _routes;

    public LearnedRoutingStrategy(ArbiterConfig config, ModelCatalog models, string baseDirectory)
    {
        _routes = new Dictionary<string, LearnedRoute>(StringComparer.Ordinal);
        foreach (var (name, route) in config.Routes)
        {
            if (route.Strategy != RoutingStrategies.Learned) continue;
            var dir = Path.GetFullPath(route.ModelDir!, baseDirectory);
            try
            {
                _routes[name] = LearnedRoute.Load(name, dir, route.Lambda, route.Margin ?? ConfigDefaults.LearnedMargin, models);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                throw new ConfigException([$"routes.{name}.model_dir: cannot load the router at {dir}: {ex.Message}"]);
            }
        }
    }

    public string Name => RoutingStrategies.Learned;

    /// <summary>Routes on the last user message; the request's task (x-arbiter-task or metadata) is the router's task feature.</summary>
    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner) =>
        _routes[routeName].Plan(context.LastUserText, context.Task ?? "");
}
