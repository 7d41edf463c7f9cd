using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Learning.Tests.Evaluation;

public class KnownDifficultyTests
{
    private static RoutingSample Prompt(int i, float cheap, float strong) => new($"s{i:D3}", $"q{i}", "t", [cheap, strong], [1e-6, 20e-6]);

    [Fact]
    public void Curve_DifficultyDecidesWhichModelIsNeeded_ReachesTheOracle()
    {
        // Easy prompts (both good) and hard ones (only strong good): knowing the count of good models is knowing
        // when cheap suffices.
        var train = new OutcomeTable(new RoutingDataset(["cheap", "strong"], Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Prompt(i, 1, 1) : Prompt(i, 0, 1)).ToList()));
        var test = new OutcomeTable(new RoutingDataset(["cheap", "strong"], Enumerable.Range(0, 20).Select(i => i % 3 == 0 ? Prompt(i, 1, 1) : Prompt(i, 0, 1)).ToList()));
        double[] lambdas = [0, 1000, 10000, 1e6];

        var known = Aiq.Compute(KnownDifficulty.Curve(train, test, lambdas), 1e-6, 20e-6);
        var oracle = Aiq.Compute(Baselines.Oracle(test, lambdas), 1e-6, 20e-6);
        var perTask = Aiq.Compute(Baselines.PerTaskFixed(train, test, lambdas), 1e-6, 20e-6);

        Assert.Equal(oracle, known, 9);
        Assert.True(known > perTask + 0.05, $"known {known} vs per task {perTask}");
    }

    [Fact]
    public void Curve_DifficultyCannotTellWhichModel_StaysAtPerTask()
    {
        // Every prompt has exactly one good model, at random: difficulty says nothing about which.
        var random = new Random(3);
        RoutingDataset Data(int n, int offset) => new(["a", "b"], Enumerable.Range(offset, n).Select(i =>
        {
            var aGood = random.NextDouble() < 0.5;
            return new RoutingSample($"s{i:D3}", $"q{i}", "t", [aGood ? 1 : 0, aGood ? 0 : 1], [1e-6, 1e-6]);
        }).ToList());
        var train = new OutcomeTable(Data(200, 0));
        var test = new OutcomeTable(Data(100, 200));
        double[] lambdas = [0];

        var known = KnownDifficulty.Curve(train, test, lambdas)[0];

        Assert.Equal(Baselines.PerTaskFixed(train, test, lambdas)[0].Quality, known.Quality, 6);
    }
}
