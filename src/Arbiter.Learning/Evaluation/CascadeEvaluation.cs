using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Evaluation;

/// <summary>
/// A FrugalGPT-style cascade evaluated on recorded answers: the chain's cheapest model answers first; a learned
/// answer scorer (the router's featuriser and classifier, trained on the prompt text plus that model's recorded
/// answer, on the training side) estimates P(answer good); the answer is kept when that reaches the threshold,
/// otherwise the next model is asked. The last model's answer is always kept, and every stage asked is paid.
/// One point per threshold.
/// </summary>
public static class CascadeEvaluation
{
    public static IReadOnlyList<double> Thresholds { get; } = Enumerable.Range(0, 51).Select(i => i / 50.0).ToList();

    public static Curve Run(RoutingDataset train, RoutingDataset test, IReadOnlyList<int> chain, RouterTrainerOptions options, IProgress<TrainingProgress>? progress = null)
    {
        if (chain.Count < 2) throw new ArgumentException("a cascade needs at least two models");
        if (test.Samples.Any(s => s.Responses is null) || train.Samples.Any(s => s.Responses is null))
            throw new InvalidDataException("the cascade needs recorded answers (<model>|model_response columns)");
        var table = new OutcomeTable(test);
        // confidence[stage][i]: the scorer's P(good) for stage's answer to test prompt i (unused for the last stage).
        var confidence = new float[chain.Count - 1][];
        for (var k = 0; k < chain.Count - 1; k++)
        {
            progress?.Report(new TrainingProgress(k, chain.Count - 1, $"answer scorer {test.Models[chain[k]]}"));
            var scorer = RouterTrainer.Train(WithAnswers(train, chain[k]), options).Model;
            var buffer = new float[1];
            confidence[k] = test.Samples.Select(s =>
            {
                scorer.Predict(AnswerText(s, chain[k]), s.EvalName, buffer);
                return buffer[0];
            }).ToArray();
        }
        progress?.Report(new TrainingProgress(chain.Count - 1, chain.Count - 1, "sweeping thresholds"));
        var points = Thresholds.Select(t => Sweep(table, chain, confidence, t)).ToList();
        var name = "cascade with answer scorer: " + string.Join(" > ", chain.Select(m => test.Models[m]));
        return new Curve(name, points, double.NaN);
    }

    private static CostQualityPoint Sweep(OutcomeTable table, IReadOnlyList<int> chain, float[][] confidence, double threshold)
    {
        double cost = 0, quality = 0;
        for (var i = 0; i < table.Count; i++)
        {
            for (var k = 0; k < chain.Count; k++)
            {
                cost += table.Costs[i][chain[k]];
                if (k == chain.Count - 1 || confidence[k][i] >= threshold)
                {
                    quality += table.Scores[i][chain[k]];
                    break;
                }
            }
        }
        return new CostQualityPoint(cost / table.Count, quality / table.Count);
    }

    /// <summary>One model's answers as a one-model data set whose text is prompt plus answer.</summary>
    private static RoutingDataset WithAnswers(RoutingDataset data, int model) => new(
        [data.Models[model]],
        data.Samples.Select(s => new RoutingSample(s.SampleId, AnswerText(s, model), s.EvalName, [s.Scores[model]], [s.Costs[model]])).ToList());

    // The same text the gateway's learned answer scorer reads.
    private static string AnswerText(RoutingSample s, int model) => Scoring.AnswerText.Of(s.Text, Scoring.AnswerText.Recorded(s.Responses![model]));
}
