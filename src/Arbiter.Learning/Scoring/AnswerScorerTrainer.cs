using Arbiter.Learning.Data;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Scoring;

/// <summary>
/// Trains an answer scorer: one calibrated classifier of "this answer is good" (score ≥ 0.5) over question plus
/// answer text, on the recorded answers of the chosen models pooled (so it scores any of them at the gateway).
/// Saved as a router directory whose single model is <see cref="ScoredModel"/> and whose kind is
/// <see cref="Kind"/>.
/// </summary>
public static class AnswerScorerTrainer
{
    public const string Kind = "answer-scorer";
    public const string ScoredModel = "answer";

    public static TrainedRouter Train(RoutingDataset data, IReadOnlyList<string>? models, RouterTrainerOptions options, IProgress<TrainingProgress>? progress = null)
    {
        if (data.Samples.Any(s => s.Responses is null)) throw new InvalidDataException("an answer scorer needs recorded answers (<model>|model_response columns)");
        var chosen = models is { Count: > 0 } ? models : data.Models;
        var unknown = chosen.Where(m => !data.Models.Contains(m)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown model(s) {string.Join(", ", unknown)} (the data has: {string.Join(", ", data.Models)})");
        var samples = new List<RoutingSample>();
        foreach (var m in chosen.Select(m => data.Models.ToList().IndexOf(m)))
            foreach (var s in data.Samples)
                if (s.Responses![m] is { } answer && !float.IsNaN(s.Scores[m]))
                    samples.Add(new RoutingSample($"{s.SampleId}/{data.Models[m]}", AnswerText.Of(s.Text, AnswerText.Recorded(answer)), s.EvalName, [s.Scores[m]], [s.Costs[m]]));
        var trained = RouterTrainer.Train(new RoutingDataset([ScoredModel], samples), options, progress);
        return trained.WithManifest(trained.Model.Manifest with { Kind = Kind, ScoredModels = [.. chosen] });
    }
}
