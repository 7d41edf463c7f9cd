using Arbiter.Core.Models;
using Arbiter.Core.Routing;
using Arbiter.Learning.Model;

namespace Arbiter.Learning.Routing;

/// <summary>
/// One <c>strategy: learned</c> route, loaded once at start-up: the trained router restricted to the router's models
/// that the gateway has (same names), and one prebuilt plan per model it can choose (that model first, then the
/// others by descending training quality as fallbacks), so a request costs one prediction and no plan allocation.
/// </summary>
public sealed class LearnedRoute
{
    private readonly PromptRouter _router;
    private readonly RoutePlan?[] _plans;

    private LearnedRoute(PromptRouter router, RoutePlan?[] plans)
    {
        _router = router;
        _plans = plans;
    }

    /// <param name="lambda">Cost weight (per USD); null uses the router's calibrated strong/weak threshold.</param>
    public static LearnedRoute Load(string routeName, string modelDir, double? lambda, double margin, ModelCatalog models)
    {
        var model = RouterModelStore.Load(modelDir);
        var entries = model.Models.Select(m => models.TryGet(m, out var e) ? e : null).ToArray();
        if (entries.All(e => e is null))
            throw new InvalidDataException($"none of the router's models ({string.Join(", ", model.Models)}) is a configured model");
        var allowed = entries.Select(e => e is not null).ToArray();
        var router = lambda is { } l
            ? PromptRouter.CostAware(model, l, margin, allowed)
            : PromptRouter.Calibrated(model, margin, allowed);
        var byQuality = Enumerable.Range(0, entries.Length).Where(i => allowed[i])
            .OrderByDescending(i => model.Manifest.MeanQuality.GetValueOrDefault(model.Models[i])).ToList();
        var plans = new RoutePlan?[entries.Length];
        foreach (var i in byQuality)
        {
            var candidates = new List<ModelEntry> { entries[i]! };
            candidates.AddRange(byQuality.Where(j => j != i).Select(j => entries[j]!));
            plans[i] = new RoutePlan(routeName, candidates, $"route:{routeName} learned -> {model.Models[i]}");
        }
        return new LearnedRoute(router, plans);
    }

    /// <summary>The plan for a prompt (the last user message's text) of a task ("" when unknown).</summary>
    public RoutePlan Plan(string promptText, string task) => _plans[_router.Choose(promptText, task)]!;
}
