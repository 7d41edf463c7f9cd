using Arbiter.Core.Config;

namespace Arbiter.Core.Kpis;

/// <summary>
/// Compares each model's and task type's KPIs in the recent window with the baseline window and names those past
/// their threshold. Groups with too few requests in either window get no verdict.
/// </summary>
public static class DriftDetector
{
    public static readonly IReadOnlyList<string> Dimensions = [KpiDimensions.Model, KpiDimensions.Task];

    /// <summary>From two windows' facts (grouped here).</summary>
    public static List<DriftAlert> Detect(IReadOnlyList<RequestFacts> recent, IReadOnlyList<RequestFacts> baseline, DriftConfig config)
    {
        var none = new KpiFigures();
        return Detect(Dimensions.ToDictionary(d => d, d => KpiCalculator.Group(recent, d, none)),
            Dimensions.ToDictionary(d => d, d => KpiCalculator.Group(baseline, d, none)), config);
    }

    /// <summary>From two windows' groups, per dimension (a <see cref="KpiReport.Groups"/>).</summary>
    public static List<DriftAlert> Detect(IReadOnlyDictionary<string, IReadOnlyList<KpiGroup>> recent,
        IReadOnlyDictionary<string, IReadOnlyList<KpiGroup>> baseline, DriftConfig config)
    {
        var alerts = new List<DriftAlert>();
        foreach (var dimension in Dimensions)
        {
            if (!recent.TryGetValue(dimension, out var now) || !baseline.TryGetValue(dimension, out var then)) continue;
            var before = then.ToDictionary(g => g.Key, g => g.Figures, StringComparer.Ordinal);
            foreach (var group in now) Check(dimension, group, before, config, alerts);
        }
        return alerts;
    }

    private static void Check(string dimension, KpiGroup group, Dictionary<string, KpiFigures> before, DriftConfig config, List<DriftAlert> alerts)
    {
        if (group.Key == KpiDimensions.None || !before.TryGetValue(group.Key, out var then)) return;
        var now = group.Figures;
        if (now.Requests < config.MinRequests || then.Requests < config.MinRequests) return;
        if (now.Quality is double q && then.Quality is double q0 && q0 - q > config.QualityDrop)
            alerts.Add(new DriftAlert(dimension, group.Key, DriftMetrics.Quality, q0, q, config.QualityDrop));
        if (now.LatencyP95Ms is double l && then.LatencyP95Ms is double l0 && l0 > 0 && (l - l0) / l0 > config.LatencyIncrease)
            alerts.Add(new DriftAlert(dimension, group.Key, DriftMetrics.LatencyP95, l0, l, config.LatencyIncrease));
        if (now.FallbackRate is double f && then.FallbackRate is double f0 && f - f0 > config.FallbackIncrease)
            alerts.Add(new DriftAlert(dimension, group.Key, DriftMetrics.FallbackRate, f0, f, config.FallbackIncrease));
    }
}
