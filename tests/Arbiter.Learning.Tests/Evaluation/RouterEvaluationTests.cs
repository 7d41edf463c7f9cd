using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Tests.Evaluation;

public class RouterEvaluationTests
{
    [Fact]
    public void Run_LearnablePattern_LearnedBeatsPerTaskFixedAndStaysBelowOracle()
    {
        var (train, test) = DatasetSplit.Split(SyntheticData.Create(300, seed: 11), 0.3, seed: 1);
        var model = RouterTrainer.Train(train, new RouterTrainerOptions { CharNgrams = 0, L2 = 0.1f }).Model;

        var report = RouterEvaluation.Run(RouterPredictions.Of(model, test), new OutcomeTable(train), new OutcomeTable(test), LambdaGrid.Default);

        double Aiq(string name) => report.Curves.Single(c => c.Name == name).Aiq;
        Assert.True(Aiq(RouterEvaluation.LearnedName) > Aiq(RouterEvaluation.PerTaskName) + 0.02,
            $"learned {Aiq(RouterEvaluation.LearnedName)} vs per task {Aiq(RouterEvaluation.PerTaskName)}");
        Assert.True(Aiq(RouterEvaluation.OracleName) >= Aiq(RouterEvaluation.LearnedName));
        Assert.Equal("strong", report.BestSingle.Model);
        Assert.Equal(1e-6, report.CostMin, 12);
        Assert.Equal(20e-6, report.CostMax, 12);
    }

    [Fact]
    public void Run_SingleModelCurves_AreTheRecordedMeans()
    {
        var data = SyntheticData.Create(30, seed: 2);
        var table = new OutcomeTable(data);
        var perfect = new RouterPredictions(table.Scores, table.Costs);

        var report = RouterEvaluation.Run(perfect, table, table, [0, 1e9]);

        var cheap = report.Singles.Single(s => s.Model == "cheap").Point;
        Assert.Equal(data.Samples.Average(s => s.Scores[0]), cheap.Quality, 6);
        Assert.Equal(1e-6, cheap.Cost, 12);
        // Predictions equal to the outcomes make the learned router the oracle.
        Assert.Equal(report.Curves.Single(c => c.Name == RouterEvaluation.OracleName).Aiq,
            report.Curves.Single(c => c.Name == RouterEvaluation.LearnedName).Aiq, 12);
    }
}
