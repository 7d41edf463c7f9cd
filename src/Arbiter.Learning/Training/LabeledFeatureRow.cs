using Microsoft.ML.Data;

namespace Arbiter.Learning.Training;

/// <summary>ML.NET training row of one model's classifier: the featurised prompt and whether the model did well.</summary>
public sealed class LabeledFeatureRow
{
    public VBuffer<float> Features { get; set; }
    public bool Label { get; set; }
}
