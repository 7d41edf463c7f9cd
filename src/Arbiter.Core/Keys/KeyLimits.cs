using System.Text.Json.Serialization;

namespace Arbiter.Core.Keys;

/// <summary>
/// What a key or a team may do. Every limit is optional (null = no limit); a key in a team is held to both its own
/// limits and its team's.
/// </summary>
public sealed record KeyLimits
{
    /// <summary>Configured models the key may be served by (directly or through a route); null = any.</summary>
    public IReadOnlyList<string>? AllowedModels { get; init; }
    /// <summary>Routes (virtual models) the key may ask for; null = any.</summary>
    public IReadOnlyList<string>? AllowedRoutes { get; init; }
    /// <summary>Requests per minute.</summary>
    public int? Rpm { get; init; }
    /// <summary>Tokens per minute (prompt estimate at admission, corrected by the reported usage).</summary>
    public long? Tpm { get; init; }
    /// <summary>USD per UTC day.</summary>
    public decimal? DailyBudgetUsd { get; init; }
    /// <summary>USD per UTC calendar month.</summary>
    public decimal? MonthlyBudgetUsd { get; init; }
    /// <summary>Most one request may spend across all its calls (cascade, parallel), USD.</summary>
    public decimal? MaxRequestCostUsd { get; init; }
    /// <summary>Extra (fan-out) calls per minute.</summary>
    public int? MaxExtraCallsPerMinute { get; init; }

    [JsonIgnore]
    public static KeyLimits None { get; } = new();

    [JsonIgnore]
    public bool HasBudget => DailyBudgetUsd is not null || MonthlyBudgetUsd is not null;

    /// <summary>The checks a request needs an estimate for (budgets, TPM or a cost cap).</summary>
    [JsonIgnore]
    public bool NeedsEstimate => HasBudget || Tpm is not null || MaxRequestCostUsd is not null;
}
