namespace Arbiter.Learning.Evaluation;

/// <summary>
/// Two-tier routing as RouteLLM measures it: prompts ranked by the router's predicted gain of the strong model over
/// the weak one, the top share sent to the strong model. Gives the quality at each share and the smallest share
/// reaching a target quality.
/// </summary>
public static class StrongShareCurve
{
    /// <summary>Test quality when the <paramref name="strongCount"/> prompts with the highest gain go strong.</summary>
    public static double QualityAt(double[] gain, float[] weakScore, float[] strongScore, int strongCount)
    {
        var order = RankByGain(gain);
        double total = 0;
        for (var k = 0; k < order.Length; k++) total += k < strongCount ? strongScore[order[k]] : weakScore[order[k]];
        return total / order.Length;
    }

    /// <summary>The smallest share of strong calls whose quality reaches <paramref name="target"/>, or null.</summary>
    public static double? ShareReaching(double[] gain, float[] weakScore, float[] strongScore, double target)
    {
        var order = RankByGain(gain);
        double total = 0;
        foreach (var i in order) total += weakScore[i];
        for (var k = 0; ; k++)
        {
            if (total / order.Length >= target - 1e-12) return (double)k / order.Length;
            if (k == order.Length) return null;
            total += strongScore[order[k]] - weakScore[order[k]];
        }
    }

    /// <summary>The gain threshold that sends <paramref name="share"/> of a calibration set to the strong model.</summary>
    public static double ThresholdFor(IReadOnlyList<double> calibrationGain, double share)
    {
        if (share is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(share), "must be between 0 and 1");
        var sorted = calibrationGain.OrderByDescending(g => g).ToArray();
        var k = (int)Math.Round(share * sorted.Length);
        if (k <= 0) return sorted[0];          // nothing strictly above the top goes strong
        if (k >= sorted.Length) return sorted[^1] - 1; // gains lie in [-1, 1]: everything goes strong
        return (sorted[k - 1] + sorted[k]) / 2; // strong when gain > threshold
    }

    // Stable: ties keep the input order, so the result is deterministic.
    private static int[] RankByGain(double[] gain) =>
        Enumerable.Range(0, gain.Length).OrderByDescending(i => gain[i]).ToArray();
}
