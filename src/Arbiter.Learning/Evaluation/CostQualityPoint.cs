namespace Arbiter.Learning.Evaluation;

/// <summary>A router setting's outcome on a test set: mean USD cost per prompt and mean quality (share answered well).</summary>
public readonly record struct CostQualityPoint(double Cost, double Quality);
