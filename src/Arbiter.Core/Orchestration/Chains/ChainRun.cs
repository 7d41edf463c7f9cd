using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>
/// A chain run: every step's result, the final output (or the error that stopped the run), totals, the metadata the
/// endpoint returns and the request-log trace. With the last step held for streaming, <see cref="Pending"/> is the
/// request the caller streams.
/// </summary>
public sealed record ChainRun(string Chain, IReadOnlyList<ChainStepResult> Steps, ArbiterError? Error)
{
    public string? Output => Error is null && Steps.Count > 0 ? Steps[^1].Output : null;
    public ModelEntry? ServedModel { get; init; }
    public decimal? CostUsd { get; init; }
    public double LatencyMs { get; init; }
    public TokenUsage? Usage { get; init; }
    public required OrchestrationTrace Trace { get; init; }
    public required JsonObject Metadata { get; init; }
    /// <summary>The last step, not yet run, when the caller streams it: its request and target.</summary>
    public (ChatRequest Request, string Target, string Step)? Pending { get; init; }
}
