using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Privacy;
using Arbiter.Core.Routing.Latency;
using Arbiter.Core.Routing.Rules;
using Arbiter.Core.Routing.Split;
using Arbiter.Core.Routing.Tiers;

namespace Arbiter.Core.Routing;

/// <summary>
/// Resolves the model a client asked for: a configured model is served directly; a route is handed to its
/// strategy (after its privacy check), and may add a shadow model. Direct plans are built once, so asking for a
/// model by name allocates nothing here.
/// </summary>
public sealed class Router : IRoutePlanner
{
    /// <summary>The virtual model a task header or metadata may redirect to the task's own route.</summary>
    public const string AutoRoute = "auto";
    /// <summary>Prefix of a model name that names a task: <c>task:summarize</c>.</summary>
    public const string TaskPrefix = "task:";
    private const int MaxDepth = 8;

    private readonly IReadOnlyDictionary<string, RouteConfig> _routes;
    private readonly IReadOnlyDictionary<string, IRoutingStrategy> _strategies;
    private readonly Dictionary<string, RoutePlan> _directPlans;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _shadowCounters = new(StringComparer.Ordinal);
    private readonly PrivacyGuard _privacy;

    public Router(ArbiterConfig config, ModelCatalog models, IEnumerable<IRoutingStrategy> strategies, LatencyTracker? latency = null)
    {
        Models = models;
        _routes = config.Routes;
        _strategies = strategies.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _directPlans = models.All.ToDictionary(m => m.Name, m => new RoutePlan(m.Name, [m], $"model:{m.Name}"), StringComparer.Ordinal);
        Latency = latency ?? new LatencyTracker();
        var privacyUsed = false;
        Tiers = new TierSelector(config, models, Latency);
        _privacy = new PrivacyGuard(Tiers);
        foreach (var (name, route) in _routes)
        {
            if (_strategies.TryGetValue(route.Strategy, out var s) && s is IPreparedRoutingStrategy prepared) prepared.Prepare(name, route);
            if (route.Privacy is not null) privacyUsed = true;
        }
        if (privacyUsed) SensitiveDataScanner.WarmUp();
    }

    public static IEnumerable<IRoutingStrategy> BuiltInStrategies =>
        [new SingleRoutingStrategy(), new TierRoutingStrategy(), new RulesRoutingStrategy(), new CascadeRoutingStrategy(), new SplitRoutingStrategy()];

    public IEnumerable<string> RouteNames => _routes.Keys;
    public ModelCatalog Models { get; }
    public TierSelector Tiers { get; }
    /// <summary>Observed latency per model; the caller feeds it with completed attempts.</summary>
    public LatencyTracker Latency { get; }

    public RoutePlan Plan(ChatRequest request) => Plan(request, null);

    /// <summary>The plan built at start-up for a configured model's name.</summary>
    public bool TryPlanDirect(string model, out RoutePlan plan) => _directPlans.TryGetValue(model, out plan!);

    /// <param name="context">Task, caller and session; built from the request's metadata when null.</param>
    public RoutePlan Plan(ChatRequest request, RoutingContext? context)
    {
        if (_directPlans.TryGetValue(request.Model, out var direct)) return direct;
        context ??= RoutingContext.For(request);
        var name = request.Model;
        string? via = null;
        if (name.StartsWith(TaskPrefix, StringComparison.Ordinal) && name.Length > TaskPrefix.Length)
        {
            // task:NAME: the task's own route when there is one, else auto with the task known (quality tables, rules).
            context.Task = name[TaskPrefix.Length..];
            name = _routes.ContainsKey(context.Task) ? context.Task : AutoRoute;
            via = $"task:{context.Task} -> ";
        }
        else if (name == AutoRoute && context.Task is { } task && task != AutoRoute && _routes.ContainsKey(task))
        {
            name = task;
            via = $"task:{task} -> ";
        }
        if (!_routes.TryGetValue(name, out var route))
            throw new ArbiterError(ErrorKind.ModelNotFound,
                $"The model '{request.Model}' does not exist: it is neither a configured model nor a route. GET /v1/models lists what is available.")
            { Param = "model" }.ToException();
        var plan = PlanRoute(name, route, context);
        if (via is not null) plan = plan with { Reason = via + plan.Reason };
        if (!ReferenceEquals(context.Request, request)) plan = plan with { Request = context.Request };
        return plan;
    }

    public RoutePlan PlanTarget(string routeOrModel, RoutingContext context)
    {
        if (_directPlans.TryGetValue(routeOrModel, out var direct)) return direct;
        return PlanRoute(routeOrModel, _routes[routeOrModel], context);
    }

    private RoutePlan PlanRoute(string name, RouteConfig route, RoutingContext context)
    {
        if (++context.Depth > MaxDepth)
            throw new ArbiterError(ErrorKind.Internal, $"route '{name}' leads through more than {MaxDepth} routes; check the routes' rules and arms for a loop").ToException();
        RoutePlan? plan = null;
        IReadOnlyList<string>? findings = null;
        if (route.Privacy is { } privacy) (findings, plan) = _privacy.Apply(name, privacy, context);
        plan ??= _strategies[route.Strategy].Plan(name, route, context, this);
        if (findings is not null)
            plan = plan with
            {
                PrivacyFindings = findings,
                // A private plan already says so; a redacted one says what was taken out.
                Reason = route.Privacy!.Action == PrivacyActions.Redact ? $"privacy:{string.Join(",", findings)} redacted -> {plan.Reason}" : plan.Reason,
            };
        if (route.Shadow is { } shadow && Models.TryGet(shadow.Model, out var candidate) && Sample(name, shadow.Share)
            && (plan.Candidates.Count == 0 || plan.Candidates[0] != candidate))
            plan = plan with { Shadow = candidate };
        return plan;
    }

    /// <summary>Exactly <paramref name="share"/> of a route's requests, evenly spaced: the n-th is mirrored when floor(n * share) steps up.</summary>
    private bool Sample(string route, double share)
    {
        if (share <= 0) return false;
        var n = Interlocked.Increment(ref _shadowCounters.GetOrAdd(route, static _ => new StrongBox<long>()).Value);
        return Math.Floor(n * share) > Math.Floor((n - 1) * share);
    }
}
