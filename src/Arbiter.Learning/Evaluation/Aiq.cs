namespace Arbiter.Learning.Evaluation;

/// <summary>
/// AIQ, "average improvement in quality" (RouterBench, Hu et al. 2024, arXiv 2403.12031 §3): the router's
/// cost-quality points are replaced by their non-decreasing convex hull (any two settings can be mixed at random,
/// and paying more never has to buy less), and the area under that curve over the cost range of the single models
/// [cMin, cMax] is divided by the range. Below the router's cheapest point the curve is 0 (unreachable); past its
/// best point it stays flat.
/// </summary>
public static class Aiq
{
    public static double Compute(IEnumerable<CostQualityPoint> points, double cMin, double cMax)
    {
        if (!(cMax > cMin)) throw new ArgumentException($"empty cost range [{cMin}, {cMax}]");
        var hull = NonDecreasingConvexHull(points);
        return Integrate(hull, cMin, cMax) / (cMax - cMin);
    }

    /// <summary>The vertices of the upper convex hull from the cheapest point up to the best-quality point, by cost.</summary>
    public static IReadOnlyList<CostQualityPoint> NonDecreasingConvexHull(IEnumerable<CostQualityPoint> points)
    {
        // Same cost: only the best quality matters.
        var sorted = points.GroupBy(p => p.Cost).Select(g => new CostQualityPoint(g.Key, g.Max(p => p.Quality)))
            .OrderBy(p => p.Cost).ToList();
        if (sorted.Count == 0) throw new ArgumentException("no points");
        var hull = new List<CostQualityPoint>();
        foreach (var p in sorted)
        {
            // Monotone chain, upper side: drop the last vertex while it lies on or below the segment to p.
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) >= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(p);
        }
        var top = 0;
        for (var i = 1; i < hull.Count; i++) if (hull[i].Quality > hull[top].Quality) top = i;
        return hull.GetRange(0, top + 1);
    }

    /// <summary>Quality of the hull curve at a cost: 0 before the first vertex, linear between, flat after the last.</summary>
    public static double ValueAt(IReadOnlyList<CostQualityPoint> hull, double cost)
    {
        if (cost < hull[0].Cost) return 0;
        for (var i = 1; i < hull.Count; i++)
        {
            if (cost > hull[i].Cost) continue;
            var a = hull[i - 1]; var b = hull[i];
            return a.Quality + (b.Quality - a.Quality) * (cost - a.Cost) / (b.Cost - a.Cost);
        }
        return hull[^1].Quality;
    }

    private static double Integrate(IReadOnlyList<CostQualityPoint> hull, double lo, double hi)
    {
        // Breakpoints of the piecewise-linear curve inside [lo, hi]; trapezoids between them are exact.
        var xs = new List<double> { lo, hi };
        xs.AddRange(hull.Select(p => p.Cost).Where(c => c > lo && c < hi));
        xs.Sort();
        double area = 0;
        for (var i = 1; i < xs.Count; i++)
        {
            var a = xs[i - 1]; var b = xs[i];
            if (b <= a) continue;
            // The curve jumps from 0 at the first vertex: integrate each side of a jump separately.
            var fa = a < hull[0].Cost ? 0 : ValueAt(hull, a);
            var fb = b <= hull[0].Cost ? 0 : ValueAt(hull, b);
            area += (fa + fb) / 2 * (b - a);
        }
        return area;
    }

    private static double Cross(CostQualityPoint o, CostQualityPoint a, CostQualityPoint b) =>
        (a.Cost - o.Cost) * (b.Quality - o.Quality) - (a.Quality - o.Quality) * (b.Cost - o.Cost);
}
