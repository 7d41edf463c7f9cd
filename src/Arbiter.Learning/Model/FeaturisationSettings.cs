namespace Arbiter.Learning.Model;

/// <summary>How prompt text becomes features (recorded so a reader knows what the featuriser zip does).</summary>
public sealed record FeaturisationSettings
{
    /// <summary>Which part of the prompt is featurised, e.g. <c>last-block</c> (<see cref="Data.PromptText"/>).</summary>
    public required string Segment { get; init; }
    public int WordNgrams { get; init; }
    public int CharNgrams { get; init; }
    /// <summary>Whether the task (eval_name) is a one-hot feature.</summary>
    public bool TaskOneHot { get; init; }
}
