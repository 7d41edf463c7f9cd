using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Training;

/// <summary>
/// Model selection without touching the test set: the training side is split again (20% validation, same seeded
/// per-task split), a router is trained per candidate L2 on the rest, and the L2 with the best validation AIQ wins.
/// </summary>
public static class RouterTuning
{
    /// <summary>Share of the training side used for validation.</summary>
    public const double ValidationFraction = 0.2;

    public static readonly IReadOnlyList<float> DefaultL2Grid = [1f, 3f, 10f, 30f, 100f];

    public sealed record Result(float Best, IReadOnlyList<(float L2, double Aiq)> Scores);

    public static Result SelectL2(RoutingDataset train, RouterTrainerOptions options, IReadOnlyList<float> grid, int seed, IProgress<TrainingProgress>? progress = null)
    {
        var (fit, validation) = DatasetSplit.Split(train, ValidationFraction, seed + 1);
        var fitTable = new OutcomeTable(fit);
        var validationTable = new OutcomeTable(validation);
        var scores = new List<(float, double)>();
        for (var k = 0; k < grid.Count; k++)
        {
            progress?.Report(new TrainingProgress(k, grid.Count, $"l2 {grid[k]}"));
            var model = RouterTrainer.Train(fit, options with { L2 = grid[k] }).Model;
            var report = RouterEvaluation.Run(RouterPredictions.Of(model, validation), fitTable, validationTable, LambdaGrid.Default);
            scores.Add((grid[k], report.Curves.First(c => c.Name == RouterEvaluation.LearnedName).Aiq));
        }
        progress?.Report(new TrainingProgress(grid.Count, grid.Count, "done"));
        return new Result(scores.MaxBy(s => s.Item2).Item1, scores);
    }
}
