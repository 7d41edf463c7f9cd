namespace Arbiter.Core.Orchestration.Workers;

/// <summary>One worker's try at a sub-task and the orchestrator's verdict on it.</summary>
public sealed record DelegationTry(string Model, string? Result, string Verdict, string Reason, decimal? CostUsd);
