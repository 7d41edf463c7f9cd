namespace Arbiter.Core.Config;

/// <summary>
/// Several models answering one request at once (<c>model: "ensemble:NAME"</c>), under <c>ensembles.NAME</c>.
/// Defaults live in <see cref="ConfigDefaults"/>.
/// </summary>
public sealed record EnsembleConfig
{
    /// <summary>Models or routes that answer; the first is the one a single-model request would have used.</summary>
    public List<string> Members { get; init; } = [];
    /// <summary><c>first_good</c>, <c>all</c>, <c>vote</c> or <c>judge</c> (see <c>EnsembleModes</c>). Default <c>vote</c>.</summary>
    public string Mode { get; init; } = ConfigDefaults.EnsembleMode;
    /// <summary>How answers are compared: <c>auto</c> (JSON fields when every answer is JSON, else text), <c>text</c>, <c>json</c>.</summary>
    public string Comparison { get; init; } = ConfigDefaults.EnsembleComparison;
    /// <summary>Disagreement (0 = identical, 1 = nothing in common) above which the supervisor decides. Default 0.5.</summary>
    public double Threshold { get; init; } = ConfigDefaults.EnsembleThreshold;
    /// <summary>The model that decides when members disagree; none = no escalation, the mode's pick stands.</summary>
    public string? Supervisor { get; init; }
    /// <summary>For mode <c>judge</c>: the model that picks the best answer.</summary>
    public string? Judge { get; init; }
    /// <summary>Most this request may spend on all its calls, USD; null = only the global cap applies.</summary>
    public decimal? MaxCostUsd { get; init; }
}
