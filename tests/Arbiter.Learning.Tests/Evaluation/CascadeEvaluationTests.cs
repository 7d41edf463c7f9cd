using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Tests.Evaluation;

public class CascadeEvaluationTests
{
    /// <summary>Synthetic data whose cheap model says "unsure" exactly when it is wrong: a learnable answer scorer.</summary>
    private static RoutingDataset WithTellingAnswers(int count, int seed)
    {
        var data = SyntheticData.Create(count, seed);
        return data with
        {
            Samples = data.Samples.Select(s => s with
            {
                Responses = [s.Scores[0] >= 0.5 ? "the answer is 42" : "i am unsure, maybe", "mid answer", "strong answer"],
            }).ToList(),
        };
    }

    [Fact]
    public void Run_ScorerRecognisesBadCheapAnswers_NearStrongQualityForLessThanStrongCost()
    {
        var (train, test) = DatasetSplit.Split(WithTellingAnswers(300, 5), 0.3, seed: 1);
        var table = new OutcomeTable(test);
        var strong = table.Single(2);

        var curve = CascadeEvaluation.Run(train, test, [0, 2], new RouterTrainerOptions { CharNgrams = 0, L2 = 0.1f });

        // Some threshold keeps the cheap answer only when it is good: quality at least the strong model's minus
        // what the cheap model gets right that strong misses, at less than cheap + strong cost per prompt.
        Assert.Contains(curve.Points, p => p.Quality >= strong.Quality - 0.05 && p.Cost < 1e-6 + 0.75 * 20e-6);
        // Threshold 0 keeps every cheap answer: the cheap model alone.
        Assert.Equal(table.Single(0), curve.Points[0]);
    }

    [Fact]
    public void Run_NoRecordedAnswers_Throws()
    {
        var data = SyntheticData.Create(20, 1);

        Assert.Throws<InvalidDataException>(() => CascadeEvaluation.Run(data, data, [0, 2], new RouterTrainerOptions()));
    }

    [Fact]
    public void FromTraining_EndsWithTheStrongestAndSkipsDominatedModels()
    {
        var data = SyntheticData.Create(200, 3);
        var worse = data with
        {
            Models = [.. data.Models, "dominated"],
            Samples = data.Samples.Select(s => s with { Scores = [.. s.Scores, 0f], Costs = [.. s.Costs, 30e-6] }).ToList(),
        };

        var chain = CascadeChain.FromTraining(new OutcomeTable(worse), maxStages: 3);

        Assert.Equal(2, chain[^1]);
        Assert.DoesNotContain(3, chain);
        Assert.Equal(0, chain[0]);
    }
}
