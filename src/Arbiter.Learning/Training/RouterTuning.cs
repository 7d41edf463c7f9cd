using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Training;

/// <summary>
/// Model selection without touching the test set: the training side is split again (20% validation, same seeded
/// per-task split), a router is trained per candidate L2 on the rest (and each blend with the task priors tried on it), and the pair with the best
/// validation AIQ wins.
/// </summary>
public static class RouterTuning
{
    /// <summary>Share of the training side used for validation.</summary>
    public const double ValidationFraction = 0.2;

    public static readonly IReadOnlyList<float> DefaultL2Grid = [1f, 3f, 10f, 30f, 100f];

    public static readonly IReadOnlyList<float> DefaultBlendGrid = [0.25f, 0.5f, 0.75f, 1f];

    public sealed record Result(float Best, float BestBlend, IReadOnlyList<(float L2, float Blend, double Aiq)> Scores);

    /// <summary>Tries every L2 of <paramref name="grid"/> and, for each trained router, every blend of <paramref name="blends"/>.</summary>
    public static Result Select(RoutingDataset train, RouterTrainerOptions options, IReadOnlyList<float> grid, IReadOnlyList<float> blends, int seed, IProgress<TrainingProgress>? progress = null)
    {
        var (fit, validation) = DatasetSplit.Split(train, ValidationFraction, seed + 1);
        var fitTable = new OutcomeTable(fit);
        var validationTable = new OutcomeTable(validation);
        var scores = new List<(float, float, double)>();
        for (var k = 0; k < grid.Count; k++)
        {
            progress?.Report(new TrainingProgress(k, grid.Count, $"l2 {grid[k]}"));
            var model = RouterTrainer.Train(fit, options with { L2 = grid[k] }).Model;
            foreach (var blend in blends)
            {
                var report = RouterEvaluation.Run(RouterPredictions.Of(model.WithBlend(blend), validation), fitTable, validationTable, LambdaGrid.Default);
                scores.Add((grid[k], blend, report.Curves.First(c => c.Name == RouterEvaluation.LearnedName).Aiq));
            }
        }
        progress?.Report(new TrainingProgress(grid.Count, grid.Count, "done"));
        var best = scores.MaxBy(s => s.Item3);
        return new Result(best.Item1, best.Item2, scores);
    }
}
