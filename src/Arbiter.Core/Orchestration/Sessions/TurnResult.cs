using Arbiter.Core.Errors;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>A session turn: the model's reply, the patch it proposed and what became of it, the session now, and the trace.</summary>
public sealed record TurnResult(string? Reply, IReadOnlyList<PatchOperation> Patch, string PatchStatus, string? Reason, SessionState? State, int Conflicts, ArbiterError? Error)
{
    public const string NoChange = "no_change";
    public decimal? CostUsd { get; init; }
    public Chat.TokenUsage? Usage { get; init; }
    public Models.ModelEntry? ServedModel { get; init; }
    public required OrchestrationTrace Trace { get; init; }
}
