namespace Arbiter.Learning.Evaluation;

/// <summary>
/// Everything <c>router eval</c> prints: single models, each curve with its AIQ, and the cost range AIQ uses.
/// <see cref="BestSingle"/> is the single model with the highest test quality (ties: the cheaper).
/// </summary>
public sealed record EvaluationReport(
    IReadOnlyList<(string Model, CostQualityPoint Point)> Singles,
    IReadOnlyList<Curve> Curves,
    int TestCount,
    double CostMin,
    double CostMax)
{
    public (string Model, CostQualityPoint Point) BestSingle =>
        Singles.OrderByDescending(s => s.Point.Quality).ThenBy(s => s.Point.Cost).First();

    /// <summary>The cost share of the best single model at which a curve first reaches its quality, or null.</summary>
    public double? ReachShare(Curve curve) =>
        curve.CheapestReaching(BestSingle.Point.Quality) is { } p ? p.Cost / BestSingle.Point.Cost : null;
}
