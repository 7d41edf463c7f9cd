using Arbiter.Learning.Model;
using Microsoft.ML;

namespace Arbiter.Learning.Training;

/// <summary>A freshly trained router: usable at once, and savable as a router directory.</summary>
public sealed class TrainedRouter(QualityModel model, IReadOnlyList<ITransformer> classifiers, DataViewSchema promptSchema, DataViewSchema featureSchema)
{
    public QualityModel Model { get; } = model;

    /// <summary>The same trained router saved under another manifest.</summary>
    public TrainedRouter WithManifest(RouterManifest manifest) => new(Model.WithManifest(manifest), classifiers, promptSchema, featureSchema);

    public void Save(string directory) => RouterModelStore.Save(Model, directory, classifiers, promptSchema, featureSchema);
}
