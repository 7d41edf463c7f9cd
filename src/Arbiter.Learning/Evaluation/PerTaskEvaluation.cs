using Arbiter.Learning.Data;

namespace Arbiter.Learning.Evaluation;

/// <summary>
/// The same evaluation task by task (each with its own single-model cost range), as the RouterBench paper reports
/// AIQ per benchmark; the per-task fixed baseline then reduces to the best fixed model for that task.
/// </summary>
public static class PerTaskEvaluation
{
    public static IReadOnlyList<(string Task, EvaluationReport Report)> Run(RouterPredictions predictions, RoutingDataset train, RoutingDataset test, IReadOnlyList<double> lambdas)
    {
        var trainTable = new OutcomeTable(train);
        return test.Tasks.Select(task =>
        {
            var rows = Enumerable.Range(0, test.Samples.Count).Where(i => test.Samples[i].EvalName == task).ToList();
            var subset = test with { Samples = rows.Select(i => test.Samples[i]).ToList() };
            return (task, RouterEvaluation.Run(predictions.Subset(rows), trainTable, new OutcomeTable(subset), lambdas));
        }).ToList();
    }
}
