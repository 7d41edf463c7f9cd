using System.Data.Common;
using System.Globalization;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>
/// KPIs aggregated in the database (<see cref="KpiSql"/>): one query for the counts and sums of every group and time
/// step, one ascending pass each over the successful latencies and TTFBs for the percentiles, one for the latest
/// requests. Memory is one row per group, whatever the log size; the figures are those
/// <see cref="KpiCalculator"/> computes from the same records (exact nearest-rank percentiles included).
/// How models worked together (mode, disagreement, fan-out) is joined from request_orchestration.
/// </summary>
public sealed class SqlKpiSource(SqlDatabase database, KpiPricing pricing) : IKpiSource
{
    private readonly List<string> _groupings = KpiSql.Groupings(TierModels(pricing).Count);
    private readonly List<KeyValuePair<string, string>> _tiers = TierModels(pricing);

    public async Task<KpiReport> ReportAsync(KpiWindow window, int buckets, int recent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        buckets = Math.Max(1, buckets);
        var bucketLength = window.Length / buckets;
        var sums = new Dictionary<(int Grouping, string Key), KpiSums>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using (var command = Command(connection, KpiSql.Aggregates(_groupings), window, bucketLength, buckets))
            await using (var r = await command.ExecuteReaderAsync(cancellationToken))
                while (await r.ReadAsync(cancellationToken))
                    sums[(Convert.ToInt32(r.GetValue(0)), r.GetString(1))] = KpiSums.Read(r, 2);
            var steps = new KpiSums?[buckets];
            for (var i = 0; i < buckets; i++)
                steps[i] = sums.GetValueOrDefault((KpiSql.SeriesGrouping, i.ToString(CultureInfo.InvariantCulture)));
            await RankAsync(connection, "latency_ms", ttfb: false, window, bucketLength, buckets, sums, steps, cancellationToken);
            await RankAsync(connection, "ttfb_ms", ttfb: true, window, bucketLength, buckets, sums, steps, cancellationToken);
        }

        var price = pricing.StrongestPrice;
        var totals = sums.TryGetValue((0, ""), out var t) ? t.ToFigures(price) : new KpiSums().ToFigures(price);
        var groups = new Dictionary<string, IReadOnlyList<KpiGroup>>(StringComparer.Ordinal);
        for (var d = 0; d < KpiDimensions.All.Count; d++)
        {
            var list = new List<KpiGroup>();
            foreach (var ((grouping, key), s) in sums)
                if (grouping == d + 1) list.Add(KpiCalculator.GroupOf(key, s.ToFigures(price), totals));
            groups[KpiDimensions.All[d]] = KpiCalculator.Ordered(list);
        }
        var series = new List<KpiBucket>(buckets);
        for (var i = 0; i < buckets; i++)
            series.Add(new KpiBucket(window.From + bucketLength * i,
                (sums.TryGetValue((KpiSql.SeriesGrouping, i.ToString(CultureInfo.InvariantCulture)), out var b) ? b : new KpiSums()).ToFigures(price)));

        return new KpiReport
        {
            GeneratedAt = now,
            Window = window,
            StrongestModel = pricing.StrongestModel,
            Totals = totals,
            Groups = groups,
            BucketSeconds = bucketLength.TotalSeconds,
            Series = series,
            Recent = recent > 0 ? await RecentAsync(window, recent, cancellationToken) : [],
        };
    }

    /// <summary>One pass over the window's successful values in ascending order: each group picks its percentiles.</summary>
    private async Task RankAsync(DbConnection connection, string column, bool ttfb, KpiWindow window, TimeSpan bucketLength, int buckets,
        Dictionary<(int Grouping, string Key), KpiSums> sums, KpiSums?[] series, CancellationToken cancellationToken)
    {
        if (!sums.TryGetValue((0, ""), out var total)) return; // no request in the window
        await using var command = Command(connection, KpiSql.Ordered(_groupings, column), window, bucketLength, buckets);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var last = KpiSql.SeriesGrouping;
        while (await r.ReadAsync(cancellationToken))
        {
            var value = Convert.ToDouble(r.GetValue(0));
            total.Next(ttfb, value);
            for (var g = 1; g < last; g++)
            {
                // Column g holds grouping g's key.
                var key = r.GetString(g);
                if (sums.TryGetValue((g, key), out var s)) s.Next(ttfb, value);
            }
            var step = Convert.ToInt64(r.GetValue(last));
            if (step >= 0 && step < series.Length) series[step]?.Next(ttfb, value);
        }
    }

    /// <summary>The latest requests of the window (shadow calls left out), each with its latest feedback score.</summary>
    private async Task<List<RecentRequest>> RecentAsync(KpiWindow window, int recent, CancellationToken cancellationToken)
    {
        var records = await SqlRequestReader.QueryAsync(database, new RequestQuery { From = window.From, To = window.To, Limit = recent },
            cancellationToken, excludeShadows: true);
        var scores = await LatestFeedbackAsync(records, window, cancellationToken);
        var list = new List<RecentRequest>(records.Count);
        foreach (var record in records)
            if (window.Contains(record.StartedAt))
                list.Add(RecentRequest.From(RequestFacts.Of(record, pricing, scores.TryGetValue(record.RequestId, out var s) ? s : null)));
        return list;
    }

    private async Task<Dictionary<string, double>> LatestFeedbackAsync(IReadOnlyList<RequestRecord> records, KpiWindow window, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        if (records.Count == 0) return scores;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            names[i] = "@r" + i.ToString(CultureInfo.InvariantCulture);
            Sql.Add(command, names[i][1..], records[i].RequestId);
        }
        Sql.Add(command, "from_ms", window.From.ToUnixTimeMilliseconds());
        // Oldest first: the last one read for a request is its latest.
        command.CommandText = $"SELECT request_id, score FROM feedback WHERE at_ms >= @from_ms AND request_id IN ({string.Join(", ", names)}) ORDER BY at_ms, seq";
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) scores[r.GetString(0)] = Convert.ToDouble(r.GetValue(1));
        return scores;
    }

    private DbCommand Command(DbConnection connection, string sql, KpiWindow window, TimeSpan bucketLength, int buckets)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var fromTicks = window.From.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var toTicks = window.To.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        // Milliseconds bound the index range; ticks decide exactly, as the window does in memory.
        Sql.Add(command, "from_ms", fromTicks / TimeSpan.TicksPerMillisecond - 1);
        Sql.Add(command, "to_ms", toTicks / TimeSpan.TicksPerMillisecond + 1);
        Sql.Add(command, "from_t", fromTicks);
        Sql.Add(command, "to_t", toTicks);
        Sql.Add(command, "bucket_t", bucketLength.Ticks);
        Sql.Add(command, "buckets", (long)buckets);
        Sql.Add(command, "none", KpiDimensions.None);
        Sql.Add(command, "single", KpiDimensions.SingleMode);
        Sql.Add(command, "shadow", KpiSql.ShadowDecision);
        Sql.Add(command, "long_above", KpiSums.LongContextAbove(pricing.StrongestPrice));
        for (var i = 0; i < _tiers.Count; i++)
        {
            Sql.Add(command, "m" + i.ToString(CultureInfo.InvariantCulture), _tiers[i].Key);
            Sql.Add(command, "t" + i.ToString(CultureInfo.InvariantCulture), _tiers[i].Value);
        }
        return command;
    }

    private static List<KeyValuePair<string, string>> TierModels(KpiPricing pricing)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (model, tier) in pricing.Tiers)
            if (tier is not null) list.Add(new(model, tier));
        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }
}
