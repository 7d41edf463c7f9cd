namespace Arbiter.Learning.Model;

/// <summary>
/// RouteLLM-style two-tier threshold: a prompt goes to <see cref="StrongModel"/> when the predicted gain
/// P(strong good) − P(weak good) exceeds <see cref="Threshold"/>. The threshold is the quantile of that gain on a
/// calibration set that sends <see cref="StrongShare"/> of it to the strong model.
/// </summary>
public sealed record ThresholdCalibration(string StrongModel, string WeakModel, double StrongShare, double Threshold);
