namespace Arbiter.Learning.Training;

/// <summary>How a router is trained. The defaults are the settings the RouterBench numbers in docs/routing.md used.</summary>
public sealed record RouterTrainerOptions
{
    /// <summary>Classifier per model: <c>lbfgs</c> (L-BFGS logistic regression) or <c>sdca</c> (SDCA logistic regression). Both calibrated.</summary>
    public string Trainer { get; init; } = RouterTrainers.Lbfgs;
    /// <summary>L2 penalty of each classifier; larger keeps predictions nearer each task's base rate.</summary>
    public float L2 { get; init; } = 30f;
    /// <summary>Longest word n-gram of the text features.</summary>
    public int WordNgrams { get; init; } = 2;
    /// <summary>Character n-gram length of the text features; 0 turns them off.</summary>
    public int CharNgrams { get; init; } = 3;
    /// <summary>Weight of the classifiers against each task's training accuracy (<see cref="Model.RouterManifest.Blend"/>).</summary>
    public float Blend { get; init; } = 1f;
    /// <summary>Seed of ML.NET's context (the trainers are deterministic for a seed).</summary>
    public int Seed { get; init; } = 1;
}
