namespace Arbiter.Learning.Data;

/// <summary>
/// One prompt with every candidate model's recorded outcome. <see cref="Scores"/>[m] is model m's score in [0, 1]
/// (NaN when not recorded); <see cref="Costs"/>[m] its USD cost for this prompt (NaN when not recorded);
/// <see cref="Responses"/>[m] its recorded answer when the source has one.
/// </summary>
public sealed record RoutingSample(string SampleId, string Text, string EvalName, float[] Scores, double[] Costs)
{
    public string?[]? Responses { get; init; }
}
