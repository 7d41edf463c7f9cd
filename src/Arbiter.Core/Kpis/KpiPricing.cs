using Arbiter.Core.Config;
using Arbiter.Core.Models;

namespace Arbiter.Core.Kpis;

/// <summary>
/// What the KPIs need from the model catalogue: each model's tier, and the strongest model (the most expensive
/// priced one, by input plus output price per million tokens) whose price the savings figure is measured against.
/// </summary>
public sealed record KpiPricing(string? StrongestModel, PriceConfig? StrongestPrice, IReadOnlyDictionary<string, string?> Tiers)
{
    public static KpiPricing From(IEnumerable<ModelEntry> models)
    {
        var all = models.ToList();
        var strongest = all
            .Where(m => m.Price is { Input: not null, Output: not null })
            .OrderByDescending(m => m.Price!.Input!.Value + m.Price.Output!.Value)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return new KpiPricing(strongest?.Name, strongest?.Price, all.ToDictionary(m => m.Name, m => m.Tier, StringComparer.Ordinal));
    }

    public string? TierOf(string? model) => model is not null && Tiers.TryGetValue(model, out var t) ? t : null;
}
