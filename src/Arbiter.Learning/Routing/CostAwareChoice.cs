namespace Arbiter.Learning.Routing;

/// <summary>The routing rule: the model maximising predicted quality − λ × expected USD cost; ties go to the cheaper.</summary>
public static class CostAwareChoice
{
    public static int Choose(ReadOnlySpan<float> quality, ReadOnlySpan<double> costUsd, double lambda)
    {
        var best = 0;
        var bestUtility = double.NegativeInfinity;
        for (var m = 0; m < quality.Length; m++)
        {
            var u = quality[m] - lambda * costUsd[m];
            if (u > bestUtility || (u == bestUtility && costUsd[m] < costUsd[best])) { best = m; bestUtility = u; }
        }
        return best;
    }

    /// <summary>
    /// The same choice with a confidence margin: every model whose utility is within <paramref name="margin"/> of the
    /// best is close enough to be a coin toss, and of those the one with the highest predicted quality wins (route up).
    /// </summary>
    public static int ChooseWithMargin(ReadOnlySpan<float> quality, ReadOnlySpan<double> costUsd, double lambda, double margin)
    {
        var best = Choose(quality, costUsd, lambda);
        if (margin <= 0) return best;
        var floor = quality[best] - lambda * costUsd[best] - margin;
        var up = best;
        for (var m = 0; m < quality.Length; m++)
            if (quality[m] - lambda * costUsd[m] >= floor && quality[m] > quality[up]) up = m;
        return up;
    }
}
