using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Routing;

/// <summary>
/// Resolves the model a client asked for: a configured model is served directly; a route is handed to its
/// strategy. Direct plans are built once, so asking for a model by name allocates nothing here.
/// </summary>
public sealed class Router
{
    private readonly ModelCatalog _models;
    private readonly IReadOnlyDictionary<string, RouteConfig> _routes;
    private readonly IReadOnlyDictionary<string, IRoutingStrategy> _strategies;
    private readonly Dictionary<string, RoutePlan> _directPlans;

    public Router(ArbiterConfig config, ModelCatalog models, IEnumerable<IRoutingStrategy> strategies)
    {
        _models = models;
        _routes = config.Routes;
        _strategies = strategies.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _directPlans = models.All.ToDictionary(m => m.Name, m => new RoutePlan(m.Name, [m], $"model:{m.Name}"), StringComparer.Ordinal);
    }

    public static IEnumerable<IRoutingStrategy> BuiltInStrategies => [new SingleRoutingStrategy()];

    public IEnumerable<string> RouteNames => _routes.Keys;

    public RoutePlan Plan(ChatRequest request)
    {
        if (_directPlans.TryGetValue(request.Model, out var direct)) return direct;
        if (_routes.TryGetValue(request.Model, out var route))
            return _strategies[route.Strategy].Plan(request.Model, route, request, _models);
        throw new ArbiterError(ErrorKind.ModelNotFound,
            $"The model '{request.Model}' does not exist: it is neither a configured model nor a route. GET /v1/models lists what is available.")
        { Param = "model" }.ToException();
    }
}
