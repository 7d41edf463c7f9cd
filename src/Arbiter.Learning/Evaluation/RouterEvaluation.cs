using Arbiter.Learning.Routing;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Evaluation;

/// <summary>Sweeps λ for a learned router and the baselines on one test set and scores every curve by AIQ.</summary>
public static class RouterEvaluation
{
    public const string LearnedName = "learned router";
    public const string PerTaskName = "best fixed model per task";
    public const string MixName = "random mixing of single models (convex hull)";
    public const string RandomName = "uniform random model";
    public const string OracleName = "oracle";

    public static EvaluationReport Run(RouterPredictions predictions, OutcomeTable train, OutcomeTable test,
        IReadOnlyList<double> lambdas, IReadOnlyList<Curve>? extra = null, IProgress<TrainingProgress>? progress = null)
    {
        var singles = test.Models.Select((m, i) => (m, test.Single(i))).ToList();
        var cMin = singles.Min(s => s.Item2.Cost);
        var cMax = singles.Max(s => s.Item2.Cost);
        Curve Make(string name, IReadOnlyList<CostQualityPoint> points) => new(name, points, Aiq.Compute(points, cMin, cMax));

        var learned = new List<CostQualityPoint>();
        for (var k = 0; k < lambdas.Count; k++)
        {
            var l = lambdas[k];
            learned.Add(test.Evaluate(i => CostAwareChoice.Choose(predictions.Quality[i], predictions.Cost[i], l)));
            progress?.Report(new TrainingProgress(k + 1, lambdas.Count, "sweeping λ"));
        }
        var curves = new List<Curve>
        {
            Make(LearnedName, learned),
            Make(PerTaskName, Baselines.PerTaskFixed(train, test, lambdas)),
            Make(MixName, singles.Select(s => s.Item2).ToList()),
            Make(RandomName, [Baselines.UniformRandom(test, seed: 1)]),
            Make(OracleName, Baselines.Oracle(test, lambdas)),
            Make(KnownDifficulty.Name, KnownDifficulty.Curve(train, test, lambdas)),
        };
        if (extra is not null) curves.AddRange(extra.Select(c => Make(c.Name, c.Points)));
        return new EvaluationReport(singles, curves, test.Count, cMin, cMax);
    }
}
