using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Tests.Evaluation;

public class PredictionAucTests
{
    [Fact]
    public void Auc_PerfectReversedAndTiedRankings()
    {
        Assert.Equal(1, PredictionAuc.Auc([0.9, 0.8, 0.1], [true, true, false]));
        Assert.Equal(0, PredictionAuc.Auc([0.1, 0.2, 0.9], [true, true, false]));
        Assert.Equal(0.5, PredictionAuc.Auc([0.5, 0.5], [true, false]));
        Assert.True(double.IsNaN(PredictionAuc.Auc([0.5, 0.6], [true, true])));
    }

    [Fact]
    public void WithinTasks_TaskBaseRateAlone_GivesNoCredit()
    {
        // Task a: all good, predicted 0.9; task b: all bad... plus one pair per task ranked wrongly inside the task.
        var data = new RoutingDataset(["m"],
        [
            new RoutingSample("1", "x", "a", [1], [0]), new RoutingSample("2", "x", "a", [0], [0]),
            new RoutingSample("3", "x", "b", [1], [0]), new RoutingSample("4", "x", "b", [0], [0]),
        ]);
        var predictions = new RouterPredictions([[0.8f], [0.9f], [0.1f], [0.2f]], [[0], [0], [0], [0]]);

        // Pooled, the task's level would rank 1 above 3 and 4; inside each task the ranking is wrong: AUC 0.
        Assert.Equal(0, PredictionAuc.WithinTasks(predictions, new OutcomeTable(data), ["a", "a", "b", "b"], 0));
    }
}
