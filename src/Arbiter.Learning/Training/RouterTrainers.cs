namespace Arbiter.Learning.Training;

/// <summary>The names of the per-model classifiers <c>router train --trainer</c> accepts.</summary>
public static class RouterTrainers
{
    public const string Lbfgs = "lbfgs";
    public const string Sdca = "sdca";
    public static readonly IReadOnlyList<string> All = [Lbfgs, Sdca];
}
