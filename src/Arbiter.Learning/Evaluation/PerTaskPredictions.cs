using Arbiter.Learning.Data;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Evaluation;

/// <summary>
/// Predictions of one router per task (each trained on that task's training prompts only), assembled in the test
/// set's order: lets the text weights differ by task, which one shared router cannot.
/// </summary>
public static class PerTaskPredictions
{
    public static RouterPredictions Of(RoutingDataset train, RoutingDataset test, RouterTrainerOptions options, IProgress<TrainingProgress>? progress = null)
    {
        var quality = new float[test.Samples.Count][];
        var cost = new double[test.Samples.Count][];
        var tasks = test.Tasks.ToList();
        for (var t = 0; t < tasks.Count; t++)
        {
            progress?.Report(new TrainingProgress(t, tasks.Count, $"router for {tasks[t]}"));
            var rows = Enumerable.Range(0, test.Samples.Count).Where(i => test.Samples[i].EvalName == tasks[t]).ToList();
            var taskTrain = train with { Samples = train.Samples.Where(s => s.EvalName == tasks[t]).ToList() };
            var model = RouterTrainer.Train(taskTrain, options).Model;
            var part = RouterPredictions.Of(model, test with { Samples = rows.Select(i => test.Samples[i]).ToList() });
            for (var k = 0; k < rows.Count; k++) { quality[rows[k]] = part.Quality[k]; cost[rows[k]] = part.Cost[k]; }
        }
        progress?.Report(new TrainingProgress(tasks.Count, tasks.Count, "done"));
        return new RouterPredictions(quality, cost);
    }
}
