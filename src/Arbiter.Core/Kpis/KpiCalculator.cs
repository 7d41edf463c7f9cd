using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>
/// Turns a window's request records and feedback into a <see cref="KpiReport"/>: a pure function of its inputs,
/// so the arithmetic is tested on a known log. Application feedback outranks a judge's score for the same request.
/// </summary>
public static class KpiCalculator
{
    public const int DefaultBuckets = 24;
    public const int DefaultRecent = 50;

    public static KpiReport Compute(IReadOnlyList<RequestRecord> records, IReadOnlyList<QualityFeedback> feedback, KpiPricing pricing,
        KpiWindow window, DateTimeOffset now, int buckets = DefaultBuckets, int recent = DefaultRecent)
    {
        var facts = Facts(records, feedback, pricing, window);
        var totals = new KpiAccumulator();
        foreach (var f in facts) totals.Add(f);
        var totalFigures = totals.ToFigures();

        var groups = new Dictionary<string, IReadOnlyList<KpiGroup>>(StringComparer.Ordinal);
        foreach (var dimension in KpiDimensions.All) groups[dimension] = Group(facts, dimension, totalFigures);

        facts.Sort(static (a, b) => b.Record.StartedAt.CompareTo(a.Record.StartedAt));
        var latest = new List<RecentRequest>(Math.Min(recent, facts.Count));
        for (var i = 0; i < facts.Count && i < recent; i++) latest.Add(RecentRequest.From(facts[i]));

        var bucketLength = window.Length / Math.Max(1, buckets);
        return new KpiReport
        {
            GeneratedAt = now,
            Window = window,
            StrongestModel = pricing.StrongestModel,
            Totals = totalFigures,
            Groups = groups,
            BucketSeconds = bucketLength.TotalSeconds,
            Series = Series(facts, window, buckets, bucketLength),
            Recent = latest,
        };
    }

    /// <summary>The records started in the window, with the latest feedback score of each request.</summary>
    public static List<RequestFacts> Facts(IReadOnlyList<RequestRecord> records, IReadOnlyList<QualityFeedback> feedback, KpiPricing pricing, KpiWindow window)
    {
        var scores = new Dictionary<string, QualityFeedback>(StringComparer.Ordinal);
        foreach (var fb in feedback)
            if (!scores.TryGetValue(fb.RequestId, out var seen) || fb.At >= seen.At) scores[fb.RequestId] = fb;
        var facts = new List<RequestFacts>(records.Count);
        foreach (var r in records)
            // A shadow call's own record is an experiment beside a request, not traffic: it is left out of the KPIs.
            if (window.Contains(r.StartedAt) && r.Shadow is null)
                facts.Add(RequestFacts.Of(r, pricing, scores.TryGetValue(r.RequestId, out var fb) ? fb.Score : null));
        return facts;
    }

    public static IReadOnlyList<KpiGroup> Group(IReadOnlyList<RequestFacts> facts, string dimension, KpiFigures totals)
    {
        var accumulators = new Dictionary<string, KpiAccumulator>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            var key = f.KeyOf(dimension);
            if (!accumulators.TryGetValue(key, out var acc)) accumulators[key] = acc = new KpiAccumulator();
            acc.Add(f);
        }
        var list = new List<KpiGroup>(accumulators.Count);
        foreach (var (key, acc) in accumulators) list.Add(GroupOf(key, acc.ToFigures(), totals));
        return Ordered(list);
    }

    /// <summary>A group's figures with its share of the window's requests and spend (utilisation).</summary>
    public static KpiGroup GroupOf(string key, KpiFigures figures, KpiFigures totals) => new(key, figures)
    {
        RequestShare = totals.Requests == 0 ? 0 : (double)figures.Requests / totals.Requests,
        CostShare = totals.CostUsd == 0m ? null : (double)(figures.CostUsd / totals.CostUsd),
    };

    /// <summary>Most requests first, then by key: the order every KPI source lists groups in.</summary>
    public static List<KpiGroup> Ordered(List<KpiGroup> list)
    {
        list.Sort(static (a, b) => b.Figures.Requests != a.Figures.Requests
            ? b.Figures.Requests.CompareTo(a.Figures.Requests)
            : string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>The series step a request started in: whole steps since the window's start, the last step taking any remainder.</summary>
    public static int BucketOf(DateTimeOffset startedAt, KpiWindow window, TimeSpan bucketLength, int buckets)
    {
        var index = bucketLength <= TimeSpan.Zero ? 0 : (startedAt - window.From).Ticks / bucketLength.Ticks;
        return (int)Math.Clamp(index, 0, Math.Max(1, buckets) - 1);
    }

    private static List<KpiBucket> Series(List<RequestFacts> facts, KpiWindow window, int buckets, TimeSpan bucketLength)
    {
        var accumulators = new KpiAccumulator[Math.Max(1, buckets)];
        for (var i = 0; i < accumulators.Length; i++) accumulators[i] = new KpiAccumulator();
        foreach (var f in facts) accumulators[BucketOf(f.Record.StartedAt, window, bucketLength, accumulators.Length)].Add(f);
        var series = new List<KpiBucket>(accumulators.Length);
        for (var i = 0; i < accumulators.Length; i++) series.Add(new KpiBucket(window.From + bucketLength * i, accumulators[i].ToFigures()));
        return series;
    }
}
