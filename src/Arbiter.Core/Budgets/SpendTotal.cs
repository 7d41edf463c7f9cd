namespace Arbiter.Core.Budgets;

/// <summary>What one key (and its team) spent on one UTC day, as the request log has it.</summary>
public sealed record SpendTotal(string? KeyId, string? Team, DateTimeOffset Day, decimal CostUsd);
