using System.Globalization;
using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Routing.Latency;

namespace Arbiter.Core.Routing.Tiers;

/// <summary>
/// Picks a model in a tier: among the tier's models whose measured quality for the task meets the tier's bar and
/// whose observed p95 latency meets its target, the cheapest (cost priority 1) or the best balance of price and
/// quality (cost priority below 1). Models are sorted by price once, at start-up.
/// </summary>
public sealed class TierSelector
{
    private readonly Dictionary<string, (TierConfig Config, ModelEntry[] ByPrice)> _tiers;
    private readonly Dictionary<string, Dictionary<string, double>> _quality;
    private readonly LatencyTracker _latency;

    public TierSelector(ArbiterConfig config, ModelCatalog models, LatencyTracker latency)
    {
        _latency = latency;
        _quality = config.Quality ?? [];
        _tiers = new Dictionary<string, (TierConfig, ModelEntry[])>(StringComparer.Ordinal);
        foreach (var (name, tier) in config.Tiers)
        {
            var members = models.All.Where(m => m.Tier == name)
                .OrderBy(BlendedPrice).ThenBy(m => m.Name, StringComparer.Ordinal).ToArray();
            _tiers[name] = (tier ?? new TierConfig(), members);
        }
    }

    public IEnumerable<string> SelfHostedTiers => _tiers.Where(t => t.Value.Config.SelfHosted).Select(t => t.Key);

    /// <summary>Measured quality of the model for the task, else for <c>default</c>; null when never measured.</summary>
    public double? Quality(string? task, string model)
    {
        if (task is not null && _quality.TryGetValue(task, out var byTask) && byTask.TryGetValue(model, out var q)) return q;
        return _quality.TryGetValue(ConfigDefaults.QualityDefaultTask, out var general) && general.TryGetValue(model, out var d) ? d : null;
    }

    public TierChoice Select(string tier, string? task)
    {
        if (!_tiers.TryGetValue(tier, out var t) || t.ByPrice.Length == 0) return new TierChoice(tier, null, [], false, "no models");
        var (config, byPrice) = t;
        var qualifying = new List<ModelEntry>(byPrice.Length);
        string? skipped = null;
        foreach (var m in byPrice)
        {
            var q = Quality(task, m.Name);
            if (config.QualityBar is { } bar && (q is null || q < bar)) continue;
            if (config.LatencyP95Ms is { } target && _latency.P95Ms(m.Name) is { } p95 && p95 > target)
            {
                skipped ??= $"; {m.Name} skipped: p95 {Number(p95)}ms > {Number(target)}ms";
                continue;
            }
            qualifying.Add(m);
        }
        var barText = config.QualityBar is { } b ? Number(b) : null;
        if (qualifying.Count == 0)
        {
            var best = byPrice.OrderByDescending(m => Quality(task, m.Name) ?? -1).First();
            var within = config.LatencyP95Ms is { } ms && skipped is not null ? $" within {Number(ms)}ms" : "";
            var what = barText is null ? $"none{within}" : $"none meets {barText}{within}";
            return new TierChoice(tier, best, [], false, $"{what}; best quality{skipped}");
        }
        if (config.CostPriority < 1 && qualifying.Count > 1) Balance(qualifying, config.CostPriority, task);
        var how = config.CostPriority < 1 ? $"best at cost priority {Number(config.CostPriority)}" : "cheapest";
        var meeting = barText is null ? (how == "cheapest" ? "cheapest in tier" : how) : $"{how} meeting {barText}";
        return new TierChoice(tier, qualifying[0], qualifying, true, meeting + skipped);
    }

    /// <summary>Orders by cp * relative price + (1 - cp) * (1 - quality): lower is better.</summary>
    private void Balance(List<ModelEntry> models, double costPriority, string? task)
    {
        var maxPrice = 0m;
        foreach (var m in models) if (BlendedPrice(m) is var p && p != decimal.MaxValue && p > maxPrice) maxPrice = p;
        double Score(ModelEntry m)
        {
            var price = BlendedPrice(m);
            var relative = price == decimal.MaxValue ? 1.0 : maxPrice == 0 ? 0.0 : (double)(price / maxPrice);
            return costPriority * relative + (1 - costPriority) * (1 - (Quality(task, m.Name) ?? 0));
        }
        models.Sort((a, b) => Score(a).CompareTo(Score(b)));
    }

    /// <summary>USD per million tokens at three input tokens to one output; unpriced sorts last (unknown is not free).</summary>
    private static decimal BlendedPrice(ModelEntry m) =>
        m.Price is { Input: { } i, Output: { } o } ? (3 * i + o) / 4 : decimal.MaxValue;

    private static string Number(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
