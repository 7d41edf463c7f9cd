namespace Arbiter.Learning.Evaluation;

/// <summary>One router's or baseline's cost-quality points on a test set, with its AIQ and reach figures.</summary>
public sealed record Curve(string Name, IReadOnlyList<CostQualityPoint> Points, double Aiq)
{
    /// <summary>The cheapest point reaching <paramref name="quality"/>, or null when none does.</summary>
    public CostQualityPoint? CheapestReaching(double quality)
    {
        CostQualityPoint? best = null;
        foreach (var p in Points)
            if (p.Quality >= quality - 1e-12 && (best is null || p.Cost < best.Value.Cost)) best = p;
        return best;
    }

    public CostQualityPoint Best => Points.MaxBy(p => p.Quality);
}
