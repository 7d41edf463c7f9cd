using System.Collections.Concurrent;
using System.Globalization;
using Arbiter.Core.Config;

namespace Arbiter.Core.Routing.Split;

/// <summary>
/// A/B tests and canaries: weighted arms, the caller's arm fixed by a stable hash of their user, key or session
/// (<c>sticky</c>), so one caller stays on one arm. A request naming no caller is spread by a counter instead.
/// </summary>
public sealed class SplitRoutingStrategy : IRoutingStrategy
{
    public const string StickyUser = "user";
    public const string StickyKey = "key";
    public const string StickySession = "session";
    public static readonly IReadOnlyList<string> StickyModes = [StickyUser, StickyKey, StickySession];

    private sealed record Arms(string[] Names, string[] Targets, double[] CumulativeShare, long Seed)
    {
        public long Anonymous;
    }

    private readonly ConcurrentDictionary<string, Arms> _arms = new(StringComparer.Ordinal);

    public string Name => RoutingStrategies.Split;

    public RoutePlan Plan(string routeName, RouteConfig route, RoutingContext context, IRoutePlanner planner)
    {
        var arms = _arms.GetOrAdd(routeName, static (name, r) => Build(name, r), route);
        var caller = Caller(route.Sticky, context);
        var point = caller is null
            ? (Interlocked.Increment(ref arms.Anonymous) * 0.6180339887498949) % 1.0 // golden-ratio sequence: evenly spread
            : StickyHash.Point(caller, arms.Seed);
        var i = 0;
        while (i < arms.CumulativeShare.Length - 1 && point >= arms.CumulativeShare[i]) i++;
        var plan = planner.PlanTarget(arms.Targets[i], context);
        var share = (arms.CumulativeShare[i] - (i == 0 ? 0 : arms.CumulativeShare[i - 1])) * 100;
        return plan with { Reason = $"split:{arms.Names[i]} ({share.ToString("0.#", CultureInfo.InvariantCulture)}%) -> {plan.Reason}" };
    }

    /// <summary>The caller's id for the sticky mode, falling back through user, key and session.</summary>
    public static string? Caller(string? sticky, RoutingContext c)
    {
        var user = c.Request.User;
        return sticky switch
        {
            StickyKey => c.KeyId ?? user ?? c.SessionId,
            StickySession => c.SessionId ?? user ?? c.KeyId,
            _ => user ?? c.KeyId ?? c.SessionId,
        };
    }

    private static Arms Build(string routeName, RouteConfig route)
    {
        var list = route.Arms!;
        var total = list.Sum(a => a.Weight);
        var cumulative = new double[list.Count];
        var running = 0.0;
        for (var i = 0; i < list.Count; i++) cumulative[i] = (running += list[i].Weight) / total;
        return new Arms(list.Select(a => string.IsNullOrEmpty(a.Name) ? a.Route : a.Name).ToArray(),
            list.Select(a => a.Route).ToArray(), cumulative, StickyHash.SeedOf(routeName));
    }
}
