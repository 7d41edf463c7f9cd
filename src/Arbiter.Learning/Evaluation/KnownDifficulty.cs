using Arbiter.Learning.Routing;

namespace Arbiter.Learning.Evaluation;

/// <summary>
/// A leaky reference, not a router: it is told each test prompt's true difficulty (how many of the models answer it
/// well) and predicts each model's chance from the training prompts of the same task and difficulty (one
/// pseudo-prompt at the model's task accuracy smooths small cells), then routes by P − λ × the task's mean training
/// cost. It bounds what any predictor of prompt difficulty could reach, however good: beyond it, a router must know
/// which model succeeds on a prompt, not only how hard the prompt is.
/// </summary>
public static class KnownDifficulty
{
    public const string Name = "reference: knows each test prompt's difficulty (leaky)";

    public static IReadOnlyList<CostQualityPoint> Curve(OutcomeTable train, OutcomeTable test, IReadOnlyList<double> lambdas)
    {
        var models = train.Models.Count;
        // (task, count of good models) -> per model: good answers, prompts
        var cells = new Dictionary<(string, int), (double[] Good, int N)>();
        var taskGood = new Dictionary<string, (double[] Good, double[] Cost, int N)>(StringComparer.Ordinal);
        for (var i = 0; i < train.Count; i++)
        {
            var task = train.Data.Samples[i].EvalName;
            var key = (task, Difficulty(train.Scores[i]));
            if (!cells.TryGetValue(key, out var cell)) cell = (new double[models], 0);
            if (!taskGood.TryGetValue(task, out var t)) t = (new double[models], new double[models], 0);
            for (var m = 0; m < models; m++)
            {
                cell.Good[m] += train.Scores[i][m] >= 0.5f ? 1 : 0;
                t.Good[m] += train.Scores[i][m] >= 0.5f ? 1 : 0;
                t.Cost[m] += train.Costs[i][m];
            }
            cells[key] = (cell.Good, cell.N + 1);
            taskGood[task] = (t.Good, t.Cost, t.N + 1);
        }
        var quality = new float[test.Count][];
        var cost = new double[test.Count][];
        for (var i = 0; i < test.Count; i++)
        {
            var task = test.Data.Samples[i].EvalName;
            if (!taskGood.TryGetValue(task, out var t)) throw new InvalidDataException($"task '{task}' has no training prompts");
            cells.TryGetValue((task, Difficulty(test.Scores[i])), out var cell);
            quality[i] = new float[models];
            cost[i] = new double[models];
            for (var m = 0; m < models; m++)
            {
                var prior = t.Good[m] / t.N;
                quality[i][m] = (float)(((cell.Good?[m] ?? 0) + prior) / (cell.N + 1));
                cost[i][m] = t.Cost[m] / t.N;
            }
        }
        return lambdas.Select(l => test.Evaluate(i => CostAwareChoice.Choose(quality[i], cost[i], l))).ToList();
    }

    private static int Difficulty(float[] scores)
    {
        var good = 0;
        foreach (var s in scores) if (s >= 0.5f) good++;
        return good;
    }
}
