using Arbiter.Core.Models;

namespace Arbiter.Core.Routing.Tiers;

/// <summary>
/// The result of choosing in one tier: the chosen model (null when the tier has no models), every qualifying model
/// in order of preference, whether any met the tier's bar and target, and why, in a few words.
/// </summary>
public sealed record TierChoice(string Tier, ModelEntry? Chosen, IReadOnlyList<ModelEntry> Qualifying, bool Met, string Explanation)
{
    /// <summary><c>tier:general -> gpt-4o (cheapest meeting 0.92)</c>.</summary>
    public string Reason => Chosen is null ? $"tier:{Tier} (no models)" : $"tier:{Tier} -> {Chosen.Name} ({Explanation})";
}
