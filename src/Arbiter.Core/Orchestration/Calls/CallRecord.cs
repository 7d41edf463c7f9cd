namespace Arbiter.Core.Orchestration.Calls;

/// <summary>One call of a composite request as the request log and the response metadata keep it.</summary>
public sealed record CallRecord(string Role, string Model, string? Error, decimal? CostUsd, double LatencyMs, long? InputTokens, long? OutputTokens)
{
    /// <summary>What became of the call: "chosen", "cancelled", "refused: ...".</summary>
    public string? Note { get; init; }
}
