using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Orchestration;

/// <summary>
/// The answer of a composite request (or the error that ended it), the model whose answer it is, the total cost and
/// usage of every call, the metadata for the response's <c>arbiter</c> field, and the trace for the request log.
/// </summary>
public sealed record CompositeResult(ChatResponse? Response, ArbiterError? Error, OrchestrationTrace Trace)
{
    /// <summary>The model whose answer was returned (the supervisor's when it decided).</summary>
    public ModelEntry? ServedModel { get; init; }
    /// <summary>USD over every call; null when a paid call was unpriced.</summary>
    public decimal? CostUsd { get; init; }
    public TokenUsage? Usage { get; init; }
    /// <summary>What the response body's <c>arbiter</c> field holds.</summary>
    public required JsonObject Metadata { get; init; }
}
