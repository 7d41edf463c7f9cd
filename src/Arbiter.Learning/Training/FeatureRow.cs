using Microsoft.ML.Data;

namespace Arbiter.Learning.Training;

/// <summary>ML.NET output row of the featuriser: the prompt as one sparse vector.</summary>
public sealed class FeatureRow
{
    public VBuffer<float> Features { get; set; }
}
