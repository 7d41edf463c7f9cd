using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Evaluation;

/// <summary>A router's predicted quality and expected cost of every model for every prompt of a set, in the set's model order.</summary>
public sealed record RouterPredictions(float[][] Quality, double[][] Cost)
{
    public static RouterPredictions Of(QualityModel model, RoutingDataset data, IProgress<TrainingProgress>? progress = null)
    {
        var map = data.Models.Select(m => model.Models.ToList().IndexOf(m)).ToArray();
        var missing = data.Models.Where((m, i) => map[i] < 0).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"the router was not trained on model(s) {string.Join(", ", missing)}");
        var n = data.Samples.Count;
        var quality = new float[n][];
        var cost = new double[n][];
        var buffer = new float[model.Models.Count];
        for (var i = 0; i < n; i++)
        {
            var s = data.Samples[i];
            model.Predict(s.Text, s.EvalName, buffer);
            var costs = model.CostsFor(s.EvalName);
            quality[i] = map.Select(j => buffer[j]).ToArray();
            cost[i] = map.Select(j => costs[j]).ToArray();
            if (i % 100 == 0 || i == n - 1) progress?.Report(new TrainingProgress(i + 1, n, "predicting"));
        }
        return new RouterPredictions(quality, cost);
    }

    /// <summary>The predictions of the given prompts only, in that order.</summary>
    public RouterPredictions Subset(IReadOnlyList<int> rows) => new(rows.Select(i => Quality[i]).ToArray(), rows.Select(i => Cost[i]).ToArray());
}
