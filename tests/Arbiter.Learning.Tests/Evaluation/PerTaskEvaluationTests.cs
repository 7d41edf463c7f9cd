using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Tests.Evaluation;

public class PerTaskEvaluationTests
{
    [Fact]
    public void Run_TwoTasks_OneReportPerTaskOverItsOwnPrompts()
    {
        var (train, test) = DatasetSplit.Split(SyntheticData.Create(90, seed: 4), 0.3, seed: 1);
        var table = new OutcomeTable(test);
        var perfect = new RouterPredictions(table.Scores, table.Costs);

        var perTask = PerTaskEvaluation.Run(perfect, train, test, LambdaGrid.Default);

        Assert.Equal(["t1", "t2"], perTask.Select(t => t.Task));
        Assert.Equal(test.Samples.Count(s => s.EvalName == "t1"), perTask[0].Report.TestCount);
        var t2 = test.Samples.Where(s => s.EvalName == "t2").ToList();
        Assert.Equal(t2.Average(s => s.Scores[0]), perTask[1].Report.Singles[0].Point.Quality, 6);
        // Predictions equal to the outcomes: the learned curve is the oracle's in every task.
        Assert.All(perTask, t => Assert.Equal(
            t.Report.Curves.Single(c => c.Name == RouterEvaluation.OracleName).Aiq,
            t.Report.Curves.Single(c => c.Name == RouterEvaluation.LearnedName).Aiq, 12));
    }
}
