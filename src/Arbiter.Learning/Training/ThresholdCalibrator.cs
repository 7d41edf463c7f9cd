using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Model;

namespace Arbiter.Learning.Training;

/// <summary>
/// RouteLLM's calibration: score every calibration prompt by the predicted gain of the strong model over the weak
/// one, and take the threshold that sends the asked share of them (the highest gains) to the strong model. Only
/// prompt texts are used; no outcome labels.
/// </summary>
public static class ThresholdCalibrator
{
    public static ThresholdCalibration Calibrate(QualityModel model, RoutingDataset prompts, double strongShare, string? strong = null, string? weak = null)
    {
        var manifest = model.Manifest;
        strong ??= manifest.Models.MaxBy(m => manifest.MeanQuality[m])!;
        weak ??= manifest.Models.MinBy(m => manifest.MeanCostUsd[m])!;
        var s = IndexOf(manifest.Models, strong);
        var w = IndexOf(manifest.Models, weak);
        if (s == w) throw new ArgumentException($"strong and weak are the same model '{strong}'");
        var buffer = new float[manifest.Models.Count];
        var gains = prompts.Samples.Select(p =>
        {
            model.Predict(p.Text, p.EvalName, buffer);
            return (double)(buffer[s] - buffer[w]);
        }).ToList();
        if (gains.Count == 0) throw new InvalidDataException("no calibration prompts");
        return new ThresholdCalibration(strong, weak, strongShare, StrongShareCurve.ThresholdFor(gains, strongShare));
    }

    private static int IndexOf(IReadOnlyList<string> models, string name)
    {
        for (var i = 0; i < models.Count; i++) if (models[i] == name) return i;
        throw new ArgumentException($"'{name}' is not one of the router's models ({string.Join(", ", models)})");
    }
}
