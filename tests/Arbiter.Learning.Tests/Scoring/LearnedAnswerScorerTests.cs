using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Learning.Data;
using Arbiter.Learning.Scoring;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Tests.Scoring;

public sealed class LearnedAnswerScorerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arbiter-scorer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Synthetic outcomes whose answers tell: a good answer states a result, a bad one hedges (as recorded, a list literal).</summary>
    internal static RoutingDataset TellingAnswers(int count, int seed)
    {
        var data = SyntheticData.Create(count, seed);
        return data with
        {
            Samples = data.Samples.Select(s => s with
            {
                Responses = s.Scores.Select(v => v >= 0.5 ? "['the answer is 42']" : "['i am unsure, maybe']").ToArray(),
            }).ToList(),
        };
    }

    private static readonly RouterTrainerOptions Options = new() { CharNgrams = 0, L2 = 0.1f };

    [Fact]
    public void Score_SavedAndLoaded_RatesAGoodAnswerAboveAHedge()
    {
        AnswerScorerTrainer.Train(TellingAnswers(200, 1), ["cheap", "mid"], Options).Save(_dir);

        var scorer = LearnedAnswerScorer.Load("answers", _dir);

        var good = scorer.Score("please add 3 and 4", "the answer is 42", "t1");
        var bad = scorer.Score("please add 3 and 4", "i am unsure, maybe", "t1");
        Assert.InRange(good, 0.5, 1);
        Assert.InRange(bad, 0, 0.5);
        Assert.Equal("answers", scorer.Name);
    }

    [Fact]
    public async Task ScoreAsync_ReadsTheLastUserMessageAndTheAnswer()
    {
        AnswerScorerTrainer.Train(TellingAnswers(200, 1), null, Options).Save(_dir);
        var scorer = LearnedAnswerScorer.Load("answers", _dir);
        var request = new ChatRequest { Model = "auto", Messages = [ChatMessage.System("be brief"), ChatMessage.User("please sum 1 and 2")] };

        var good = await scorer.ScoreAsync(request, Response("the answer is 42"), null!, CancellationToken.None);
        var bad = await scorer.ScoreAsync(request, Response("i am unsure, maybe"), null!, CancellationToken.None);

        Assert.Equal(scorer.Score("please sum 1 and 2", "the answer is 42", ""), good, 6);
        Assert.True(good > bad);
    }

    [Fact]
    public void Train_RecordsWhatTheDirectoryHolds()
    {
        var trained = AnswerScorerTrainer.Train(TellingAnswers(60, 2), ["cheap"], Options);

        Assert.Equal(AnswerScorerTrainer.Kind, trained.Model.Manifest.Kind);
        Assert.Equal(["cheap"], trained.Model.Manifest.ScoredModels);
        Assert.Equal([AnswerScorerTrainer.ScoredModel], trained.Model.Models);
    }

    [Fact]
    public void Train_UnknownModelOrNoAnswers_Throws()
    {
        Assert.Throws<ArgumentException>(() => AnswerScorerTrainer.Train(TellingAnswers(60, 2), ["nope"], Options));
        Assert.Throws<InvalidDataException>(() => AnswerScorerTrainer.Train(SyntheticData.Create(60, 2), null, Options));
    }

    [Fact]
    public void Load_ARouterDirectory_IsRejected()
    {
        RouterTrainer.Train(SyntheticData.Create(60, 2), Options).Save(_dir);

        Assert.Throws<InvalidDataException>(() => LearnedAnswerScorer.Load("answers", _dir));
    }

    [Fact]
    public void LoadAll_UnreadableDirectory_IsAConfigErrorNamingTheKey()
    {
        var config = new ArbiterConfig { Scorers = { ["answers"] = new AnswerScorerConfig { ModelDir = _dir } } };

        var error = Assert.Throws<ConfigException>(() => LearnedAnswerScorers.Load(config, Environment.CurrentDirectory));

        Assert.Contains(error.Errors, e => e.StartsWith("scorers.answers.model_dir: cannot load", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldOutAuc_TellingAnswers_SeparatesGoodFromBad()
    {
        var (train, test) = DatasetSplit.Split(TellingAnswers(200, 4), 0.3, seed: 1);
        var scorer = AnswerScorerTrainer.Train(train, ["cheap", "mid"], Options).Model;

        var auc = AnswerScorerCheck.HeldOutAuc(scorer, test, ["cheap", "mid"]).ToDictionary(x => x.Model, x => x.Auc);

        Assert.True(auc["cheap"] > 0.9, $"cheap {auc["cheap"]}");
        Assert.True(auc["mid"] > 0.9, $"mid {auc["mid"]}");
    }

    private static ChatResponse Response(string text) => new()
    {
        Id = "r", Created = 0, Model = "m",
        Choices = [new ChatChoice(0, ChatMessage.Assistant(text), FinishReason.Stop)],
    };
}
