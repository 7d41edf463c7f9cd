using System.Collections.Concurrent;
using Arbiter.Learning.Training;
using Microsoft.ML;

namespace Arbiter.Learning.Model;

/// <summary>
/// A trained router: from a prompt's distinctive text and task, each candidate model's calibrated chance of a
/// good answer. Thread-safe: ML.NET prediction engines are not, so each call rents one from a small pool.
/// </summary>
public sealed class QualityModel
{
    private readonly MLContext _ml;
    private readonly ConcurrentBag<Engine> _engines = [];

    internal QualityModel(MLContext ml, ITransformer featurizer, IReadOnlyList<LinearScorer> scorers, RouterManifest manifest)
    {
        _ml = ml;
        Featurizer = featurizer;
        Scorers = scorers;
        Manifest = manifest;
        ModelCosts = manifest.Models.Select(m => manifest.MeanCostUsd[m]).ToArray();
        _taskCosts = manifest.MeanCostUsdByTask.ToDictionary(t => t.Key,
            t => manifest.Models.Select(m => t.Value.TryGetValue(m, out var c) ? c : manifest.MeanCostUsd[m]).ToArray(), StringComparer.Ordinal);
        _taskQuality = manifest.MeanQualityByTask.ToDictionary(t => t.Key,
            t => manifest.Models.Select(m => (float)t.Value.GetValueOrDefault(m, manifest.MeanQuality[m])).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A copy that mixes the classifiers with each task's training accuracy (<see cref="RouterManifest.Blend"/>).</summary>
    public QualityModel WithBlend(float blend) => WithManifest(Manifest with { Blend = blend });

    /// <summary>The same classifiers under another manifest (e.g. one that records what the directory is).</summary>
    public QualityModel WithManifest(RouterManifest manifest) => new(_ml, Featurizer, Scorers, manifest);

    private readonly Dictionary<string, double[]> _taskCosts;
    private readonly Dictionary<string, float[]> _taskQuality;

    public RouterManifest Manifest { get; }
    public IReadOnlyList<string> Models => Manifest.Models;
    internal ITransformer Featurizer { get; }
    internal IReadOnlyList<LinearScorer> Scorers { get; }
    /// <summary>Mean USD cost per prompt of each model over all training tasks.</summary>
    public double[] ModelCosts { get; }

    /// <summary>Writes each model's probability of a good answer into <paramref name="probabilities"/> (length = model count).</summary>
    public void Predict(string text, string evalName, Span<float> probabilities)
    {
        if (!_engines.TryTake(out var engine)) engine = new Engine(_ml.Model.CreatePredictionEngine<PromptRow, FeatureRow>(Featurizer));
        try
        {
            engine.Input.Text = text;
            engine.Input.EvalName = evalName;
            engine.Prediction.Predict(engine.Input, ref engine.Output);
            for (var i = 0; i < Scorers.Count; i++) probabilities[i] = Scorers[i].Probability(engine.Output.Features);
            var blend = Manifest.Blend;
            if (blend < 1 && _taskQuality.TryGetValue(evalName, out var prior))
                for (var i = 0; i < prior.Length; i++) probabilities[i] = blend * probabilities[i] + (1 - blend) * prior[i];
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Expected USD cost of each model for a prompt of this task (the task's training means when known).</summary>
    public double[] CostsFor(string evalName) => _taskCosts.TryGetValue(evalName, out var costs) ? costs : ModelCosts;

    private sealed class Engine(PredictionEngine<PromptRow, FeatureRow> prediction)
    {
        public readonly PredictionEngine<PromptRow, FeatureRow> Prediction = prediction;
        public readonly PromptRow Input = new();
        public FeatureRow Output = new();
    }
}
