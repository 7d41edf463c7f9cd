using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>
/// Where a step (or sub-task) goes when its answer is not good enough: the cheapest adequate model (the router's
/// tier selection) of each tier stronger than the one that answered. Tiers are ordered by quality bar (tiers
/// without one keep their configured order); self-hosted tiers are never escalated to.
/// </summary>
public sealed class StrongerModels
{
    private readonly Router _router;
    private readonly List<string> _ladder;

    public StrongerModels(ArbiterConfig config, Router router)
    {
        _router = router;
        _ladder = config.Tiers
            .Where(t => t.Value is null || !t.Value.SelfHosted)
            .Select((t, i) => (t.Key, Bar: t.Value?.QualityBar ?? double.NaN, Order: i))
            .OrderBy(t => double.IsNaN(t.Bar) ? t.Order : t.Bar * 1000 + t.Order)
            .Select(t => t.Key).ToList();
    }

    /// <summary>The tiers from weakest to strongest.</summary>
    public IReadOnlyList<string> Ladder => _ladder;

    /// <summary>The models to try after <paramref name="model"/> (a model name), strongest last; empty at the top.</summary>
    public IReadOnlyList<string> After(string model)
    {
        var tier = _router.Models.TryGet(model, out var entry) ? entry.Tier : null;
        var from = tier is null ? -1 : _ladder.IndexOf(tier);
        var result = new List<string>();
        for (var i = from + 1; i < _ladder.Count; i++)
            if (_router.Tiers.Select(_ladder[i], null).Chosen is { } chosen && chosen.Name != model && !result.Contains(chosen.Name))
                result.Add(chosen.Name);
        return result;
    }

    /// <summary>The cheapest adequate model of <paramref name="tier"/>, or null when the tier has none.</summary>
    public ModelEntry? Cheapest(string tier) => _router.Tiers.Select(tier, null).Chosen;

    /// <summary>The model a target (model or route) would be served by first, for finding what is stronger.</summary>
    public string FirstModelOf(string target)
    {
        if (_router.Models.TryGet(target, out _)) return target;
        try { return _router.Plan(new Chat.ChatRequest { Model = target, Messages = [Chat.ChatMessage.User("")] }).Candidates[0].Name; }
        catch (ArbiterException) { return target; }
    }
}
