namespace Arbiter.Core.Orchestration.Workers;

/// <summary>One sub-task of an orchestrator's plan: its id, what to do, and the tier the orchestrator thinks it needs.</summary>
public sealed record Subtask(string Id, string Task, string Tier);
