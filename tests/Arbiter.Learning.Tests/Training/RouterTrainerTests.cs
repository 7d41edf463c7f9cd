using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Arbiter.Learning.Training;
using Microsoft.ML;

namespace Arbiter.Learning.Tests.Training;

public sealed class RouterTrainerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arbiter-router-" + Guid.NewGuid().ToString("N"));
    private static readonly RouterTrainerOptions Small = new() { CharNgrams = 0, L2 = 0.1f };

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Train_LearnablePattern_PredictsCheapModelGoodOnlyOnArithmetic()
    {
        var model = RouterTrainer.Train(SyntheticData.Create(200, seed: 1), Small).Model;
        var p = new float[3];

        model.Predict("please add 12 and 30", "t2", p);
        var onArithmetic = p[0];
        model.Predict("write a sonnet about the 7 stars", "t2", p);
        var onPoem = p[0];

        Assert.True(onArithmetic > 0.7, $"cheap on arithmetic: {onArithmetic}");
        Assert.True(onPoem < 0.3, $"cheap on poems: {onPoem}");
        Assert.True(p[2] > 0.7, $"strong on poems: {p[2]}");
    }

    [Fact]
    public void Save_ThenLoad_PredictsTheSame()
    {
        var trained = RouterTrainer.Train(SyntheticData.Create(120, seed: 2), Small);
        trained.Save(_dir);
        var loaded = RouterModelStore.Load(_dir);
        float[] a = new float[3], b = new float[3];

        trained.Model.Predict("count 5 and 9", "t1", a);
        loaded.Predict("count 5 and 9", "t1", b);

        Assert.Equal(a, b);
        Assert.Equal(SyntheticData.Models, loaded.Models);
        Assert.Equal(20e-6, loaded.Manifest.MeanCostUsd["strong"], 12);
    }

    [Fact]
    public void Predict_MatchesMlNetsOwnCalibratedProbability()
    {
        RouterTrainer.Train(SyntheticData.Create(120, seed: 4), Small).Save(_dir);
        var loaded = RouterModelStore.Load(_dir);
        var ml = new MLContext(seed: 1);
        var featurizer = ml.Model.Load(Path.Combine(_dir, RouterManifest.FeaturizerFile), out _);
        var classifier = ml.Model.Load(Path.Combine(_dir, loaded.Manifest.ClassifierFiles[1]), out _);
        var engine = ml.Model.CreatePredictionEngine<PromptRow, ProbabilityRow>(featurizer.Append(classifier));
        var ours = new float[3];

        foreach (var text in new[] { "sum 1 and 2", "write a story about the 3 stars", "unseen words entirely" })
        {
            loaded.Predict(text, "t2", ours);
            var theirs = engine.Predict(new PromptRow { Text = text, EvalName = "t2" }).Probability;
            Assert.Equal(theirs, ours[1], 5);
        }
    }

    [Fact]
    public void Predict_BlendZero_IsTheTaskTrainingAccuracy()
    {
        var data = SyntheticData.Create(120, seed: 6);
        var model = RouterTrainer.Train(data, Small with { Blend = 0 }).Model;
        var p = new float[3];

        model.Predict("please add 1 and 2", "t1", p);

        var t1 = data.Samples.Where(s => s.EvalName == "t1").ToList();
        for (var m = 0; m < 3; m++) Assert.Equal(t1.Average(s => s.Scores[m]), p[m], 5);
    }

    [Fact]
    public void Train_ModelWithOnlyGoodAnswers_ThrowsNamingIt()
    {
        var data = SyntheticData.Create(20, seed: 5);
        var allGood = data with { Samples = data.Samples.Select(s => s with { Scores = [1, s.Scores[1], s.Scores[2]] }).ToList() };

        var ex = Assert.Throws<InvalidDataException>(() => RouterTrainer.Train(allGood, Small));

        Assert.Contains("'cheap'", ex.Message);
    }

    [Fact]
    public void Load_NotARouterDirectory_ThrowsFileNotFound()
    {
        Directory.CreateDirectory(_dir);

        Assert.Throws<FileNotFoundException>(() => RouterModelStore.Load(_dir));
    }

    public sealed class ProbabilityRow
    {
        public float Probability { get; set; }
    }
}
