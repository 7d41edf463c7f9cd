using System.Text.Json.Serialization;

namespace Arbiter.Learning.Model;

/// <summary>
/// <c>manifest.json</c> of a router directory: what the ML.NET files predict and what routing needs besides them.
/// </summary>
public sealed record RouterManifest
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string FeaturizerFile = "featurizer.zip";

    public int Format { get; init; } = CurrentFormat;
    /// <summary>Candidate models, in the order of <see cref="ClassifierFiles"/>.</summary>
    public required List<string> Models { get; init; }
    /// <summary>One ML.NET zip per model: the classifier of "this model answers this prompt well".</summary>
    public required List<string> ClassifierFiles { get; init; }
    /// <summary>The tasks (eval_name values) seen in training.</summary>
    public required List<string> Tasks { get; init; }
    /// <summary>Mean USD cost per prompt of each model over the training data.</summary>
    public required Dictionary<string, double> MeanCostUsd { get; init; }
    /// <summary>The same per task: a prompt of a known task is priced with its task's means.</summary>
    public required Dictionary<string, Dictionary<string, double>> MeanCostUsdByTask { get; init; }
    /// <summary>Share of training prompts each model answered well.</summary>
    public required Dictionary<string, double> MeanQuality { get; init; }
    /// <summary>The same per task: the prior that <see cref="Blend"/> mixes with the classifiers' prediction.</summary>
    public Dictionary<string, Dictionary<string, double>> MeanQualityByTask { get; init; } = [];
    /// <summary>
    /// Weight of the classifiers in the prediction for a prompt of a known task: P = Blend × classifier +
    /// (1 − Blend) × the model's training accuracy on that task. 1 = classifiers only; 0 = best fixed model per task.
    /// </summary>
    public float Blend { get; init; } = 1;
    public required FeaturisationSettings Featurisation { get; init; }
    public required string Trainer { get; init; }
    public float L2 { get; init; }
    /// <summary>Strong/weak threshold calibrated by <c>--strong-share</c>; absent when not calibrated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ThresholdCalibration? Calibration { get; init; }
    /// <summary>What the directory holds: absent for a router; <c>answer-scorer</c> for an answer scorer (one classifier over question and answer).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }
    /// <summary>An answer scorer: the models whose recorded answers it was trained on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? ScoredModels { get; init; }
}
