namespace Arbiter.Core.Cascade;

/// <summary>One stage of a cascade as it went: the model, whether its answer was returned, and why not.</summary>
public sealed record CascadeStage(string Model, bool Accepted, string? Why, decimal? CostUsd);
