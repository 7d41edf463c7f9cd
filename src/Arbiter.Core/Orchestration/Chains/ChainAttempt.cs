namespace Arbiter.Core.Orchestration.Chains;

/// <summary>One try of a chain step on one model: the validator's verdict (or the call's error), its cost and time.</summary>
public sealed record ChainAttempt(string Model, bool Passed, string Verdict, decimal? CostUsd, double LatencyMs, string? Error = null);
