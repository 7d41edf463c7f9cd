using Arbiter.Learning.Data;
using Arbiter.Learning.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Arbiter.Learning.Training;

/// <summary>
/// Trains the router: an ML.NET text featuriser (word and character n-grams of the prompt's distinctive text,
/// plus the task one-hot) fitted once, then one calibrated logistic-regression classifier per candidate model
/// predicting "this model answers well" (score ≥ 0.5). Prompts without a recorded score for a model are skipped
/// for that model's classifier.
/// </summary>
public static class RouterTrainer
{
    public static TrainedRouter Train(RoutingDataset data, RouterTrainerOptions options, IProgress<TrainingProgress>? progress = null)
    {
        if (data.Samples.Count == 0) throw new InvalidDataException("no training prompts");
        if (data.Models.Count == 0) throw new InvalidDataException("the training data names no models (no '<model>|total_cost' columns)");
        var total = data.Models.Count + 1;
        var ml = new MLContext(seed: options.Seed);
        var prompts = ml.Data.LoadFromEnumerable(data.Samples.Select(s => new PromptRow { Text = s.Text, EvalName = s.EvalName }));
        progress?.Report(new TrainingProgress(0, total, "featurising prompts"));
        var featurizer = FeaturizerPipeline(ml, options).Fit(prompts);
        var featured = featurizer.Transform(prompts);
        var dimension = ((VectorDataViewType)featured.Schema["Features"].Type).Size;
        var features = ml.Data.CreateEnumerable<FeatureRow>(featured, reuseRowObject: false).Select(r => r.Features).ToArray();

        var schema = SchemaDefinition.Create(typeof(LabeledFeatureRow));
        schema[nameof(LabeledFeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var classifiers = new List<ITransformer>();
        var scorers = new List<LinearScorer>();
        DataViewSchema? featureSchema = null;
        for (var m = 0; m < data.Models.Count; m++)
        {
            progress?.Report(new TrainingProgress(m + 1, total, $"classifier {data.Models[m]}"));
            var rows = new List<LabeledFeatureRow>();
            for (var i = 0; i < features.Length; i++)
            {
                var score = data.Samples[i].Scores[m];
                if (!float.IsNaN(score)) rows.Add(new LabeledFeatureRow { Features = features[i], Label = score >= 0.5f });
            }
            if (rows.All(r => r.Label) || rows.All(r => !r.Label))
                throw new InvalidDataException($"model '{data.Models[m]}': every recorded training score is on the same side of 0.5; a classifier needs both good and bad answers");
            var view = ml.Data.LoadFromEnumerable(rows, schema);
            featureSchema ??= view.Schema;
            var classifier = Classifier(ml, options).Fit(view);
            classifiers.Add(classifier);
            scorers.Add(LinearScorer.From(classifier));
        }
        progress?.Report(new TrainingProgress(total, total, "done"));
        var manifest = Manifest(data, options);
        return new TrainedRouter(new QualityModel(ml, featurizer, scorers, manifest), classifiers, prompts.Schema, featureSchema!);
    }

    public static IEstimator<ITransformer> FeaturizerPipeline(MLContext ml, RouterTrainerOptions options)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = options.CharNgrams > 0 ? new WordBagEstimator.Options { NgramLength = options.CharNgrams, UseAllLengths = false } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(PromptRow.Text))
            .Append(ml.Transforms.Categorical.OneHotEncoding("TaskFeatures", nameof(PromptRow.EvalName)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "TaskFeatures"));
    }

    private static IEstimator<ITransformer> Classifier(MLContext ml, RouterTrainerOptions options) => options.Trainer switch
    {
        RouterTrainers.Lbfgs => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = options.L2,
            L1Regularization = 0,
            NumberOfThreads = 1,
        }),
        RouterTrainers.Sdca => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            L2Regularization = options.L2,
            NumberOfThreads = 1,
        }),
        _ => throw new ArgumentException($"unknown trainer '{options.Trainer}' (known: {string.Join(", ", RouterTrainers.All)})"),
    };

    private static RouterManifest Manifest(RoutingDataset data, RouterTrainerOptions options) => new()
    {
        Models = [.. data.Models],
        ClassifierFiles = data.Models.Select((_, i) => $"classifier-{i:D2}.zip").ToList(),
        Tasks = [.. data.Tasks],
        MeanCostUsd = data.Models.Select((m, i) => (m, MeanCost(data.Samples, i))).ToDictionary(x => x.m, x => x.Item2),
        MeanCostUsdByTask = data.Samples.GroupBy(s => s.EvalName).ToDictionary(g => g.Key,
            g => data.Models.Select((m, i) => (m, MeanCost(g.ToList(), i))).ToDictionary(x => x.m, x => x.Item2)),
        MeanQuality = data.Models.Select((m, i) => (m, Mean(data.Samples.Select(s => (double)s.Scores[i])))).ToDictionary(x => x.m, x => x.Item2),
        MeanQualityByTask = data.Samples.GroupBy(s => s.EvalName).ToDictionary(g => g.Key,
            g => data.Models.Select((m, i) => (m, Mean(g.Select(s => (double)s.Scores[i])))).ToDictionary(x => x.m, x => x.Item2)),
        Blend = options.Blend,
        Featurisation = new FeaturisationSettings
        {
            Segment = PromptText.LastBlock,
            WordNgrams = options.WordNgrams,
            CharNgrams = options.CharNgrams,
            TaskOneHot = true,
        },
        Trainer = options.Trainer,
        L2 = options.L2,
    };

    private static double MeanCost(IReadOnlyList<RoutingSample> samples, int model) => Mean(samples.Select(s => s.Costs[model]));

    private static double Mean(IEnumerable<double> values)
    {
        double sum = 0; var n = 0;
        foreach (var v in values) if (!double.IsNaN(v)) { sum += v; n++; }
        return n == 0 ? 0 : sum / n;
    }
}
