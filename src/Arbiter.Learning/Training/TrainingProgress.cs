namespace Arbiter.Learning.Training;

/// <summary>One step of a long job (training a model's classifier, a sweep point): done of total, and what.</summary>
public readonly record struct TrainingProgress(int Done, int Total, string Step);
