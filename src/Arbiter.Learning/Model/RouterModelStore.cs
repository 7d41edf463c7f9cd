using System.Text.Json;
using Arbiter.Learning.Training;
using Microsoft.ML;

namespace Arbiter.Learning.Model;

/// <summary>
/// A router directory: <c>manifest.json</c>, <c>featurizer.zip</c> (ML.NET text featuriser) and one ML.NET
/// classifier zip per model. Loading rebuilds exactly the saved predictions.
/// </summary>
public static class RouterModelStore
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void Save(QualityModel model, string directory, IReadOnlyList<ITransformer> classifiers, DataViewSchema promptSchema, DataViewSchema featureSchema)
    {
        Directory.CreateDirectory(directory);
        var ml = new MLContext();
        ml.Model.Save(model.Featurizer, promptSchema, Path.Combine(directory, RouterManifest.FeaturizerFile));
        for (var i = 0; i < classifiers.Count; i++)
            ml.Model.Save(classifiers[i], featureSchema, Path.Combine(directory, model.Manifest.ClassifierFiles[i]));
        WriteManifest(model.Manifest, directory);
    }

    public static void WriteManifest(RouterManifest manifest, string directory) =>
        File.WriteAllText(Path.Combine(directory, RouterManifest.FileName), JsonSerializer.Serialize(manifest, Json));

    public static QualityModel Load(string directory)
    {
        var manifestPath = Path.Combine(directory, RouterManifest.FileName);
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"{directory}: not a router directory (no {RouterManifest.FileName})", manifestPath);
        var manifest = JsonSerializer.Deserialize<RouterManifest>(File.ReadAllText(manifestPath), Json)
            ?? throw new InvalidDataException($"{manifestPath}: empty manifest");
        if (manifest.Format != RouterManifest.CurrentFormat)
            throw new InvalidDataException($"{manifestPath}: format {manifest.Format}, this build reads {RouterManifest.CurrentFormat}");
        if (manifest.ClassifierFiles.Count != manifest.Models.Count)
            throw new InvalidDataException($"{manifestPath}: {manifest.Models.Count} models but {manifest.ClassifierFiles.Count} classifier files");
        var ml = new MLContext(seed: 1);
        var featurizer = ml.Model.Load(Path.Combine(directory, RouterManifest.FeaturizerFile), out _);
        var scorers = manifest.ClassifierFiles.Select(f => LinearScorer.From(ml.Model.Load(Path.Combine(directory, f), out _))).ToList();
        return new QualityModel(ml, featurizer, scorers, manifest);
    }
}
