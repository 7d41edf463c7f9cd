using System.Globalization;
using System.Text;
using Arbiter.Core.Kpis;

namespace Arbiter.Storage;

/// <summary>
/// The KPI queries, common to SQLite and PostgreSQL. A materialised <c>base</c> holds one narrow row per request of the
/// window (its group keys, flags and the few numbers the KPIs need); the aggregates are one GROUP BY per grouping. The
/// percentiles are exact nearest-rank values, picked from the successful requests' latencies (and TTFBs) read once in
/// ascending order (<see cref="Ordered"/>): the database sorts (spilling to disk when it must), the gateway keeps one
/// counter per group. Memory is one row per group, whatever the log size.
/// Grouping 0 is the window's total, 1..n the dimensions of <see cref="KpiDimensions.All"/>, the last the time series.
/// </summary>
internal static class KpiSql
{
    /// <summary>Routing's shadow calls are logged with this decision (ShadowRunner) and left out of the KPIs.</summary>
    public const string ShadowDecision = "shadow of %";

    public static int SeriesGrouping => KpiDimensions.All.Count + 1;

    /// <summary>Each grouping's key expression; <paramref name="tierModels"/> is how many model → tier pairs are bound.</summary>
    public static List<string> Groupings(int tierModels)
    {
        var list = new List<string> { "''" };
        foreach (var dimension in KpiDimensions.All)
            list.Add(dimension switch
            {
                KpiDimensions.Task => "COALESCE(r.task, @none)",
                KpiDimensions.Model => "COALESCE(r.served_model, @none)",
                KpiDimensions.Route => "COALESCE(r.route, r.requested_model)",
                KpiDimensions.Key => "COALESCE(r.key_id, @none)",
                KpiDimensions.Tier => Tier(tierModels),
                // How models worked together is in request_orchestration (composite requests only).
                KpiDimensions.Mode => "COALESCE(o.mode, @single)",
                _ => throw new InvalidOperationException($"no SQL for KPI dimension {dimension}"),
            });
        // Whole steps since the window's start (in ticks, as in memory), the last step taking any remainder.
        list.Add("""
            CASE WHEN @bucket_t <= 0 THEN 0
                WHEN (r.started_at_ms * 10000 - @from_t) / @bucket_t >= @buckets THEN @buckets - 1
                ELSE (r.started_at_ms * 10000 - @from_t) / @bucket_t END
            """);
        return list;
    }

    /// <summary>The recorded tier, else the configured tier of the served model, else none.</summary>
    private static string Tier(int tierModels)
    {
        if (tierModels == 0) return "COALESCE(r.tier, @none)";
        var sb = new StringBuilder("COALESCE(r.tier, CASE r.served_model");
        for (var i = 0; i < tierModels; i++) sb.Append(CultureInfo.InvariantCulture, $" WHEN @m{i} THEN @t{i}");
        return sb.Append(" END, @none)").ToString();
    }

    /// <summary>The window (milliseconds bound the index range; ticks decide exactly, as in memory), shadow calls left out.</summary>
    private const string InWindow = """
        r.started_at_ms >= @from_ms AND r.started_at_ms < @to_ms
            AND r.started_at_ms * 10000 >= @from_t AND r.started_at_ms * 10000 < @to_t
            AND (r.decision IS NULL OR r.decision NOT LIKE @shadow)
        """;

    /// <summary>How models worked together (the mode grouping, disagreement, fan-out): composite requests only.</summary>
    private const string Orchestration = "LEFT JOIN request_orchestration o ON o.request_row = r.id";

    private static string Base(List<string> groupings)
    {
        var keys = new StringBuilder();
        for (var i = 0; i < groupings.Count; i++)
            // Keys are text in every grouping (one UNION ALL): the series step's number too.
            keys.Append(i == SeriesGrouping ? $"CAST({groupings[i]} AS TEXT)" : groupings[i]).Append(CultureInfo.InvariantCulture, $" AS g{i}, ");
        return $"""
            WITH fb AS (
                SELECT request_id, score FROM (
                    SELECT request_id, score, ROW_NUMBER() OVER (PARTITION BY request_id ORDER BY at_ms DESC, seq DESC) AS n
                    FROM feedback WHERE at_ms >= @from_ms
                ) latest WHERE n = 1
            ),
            base AS MATERIALIZED (
                SELECT {keys}
                    CASE WHEN r.status >= 200 AND r.status < 300 THEN 1 ELSE 0 END AS ok,
                    CASE WHEN r.cost_nusd IS NOT NULL OR (r.input_tokens IS NULL AND NOT (r.status >= 200 AND r.status < 300)) THEN 1 ELSE 0 END AS priced,
                    r.cost_nusd AS cost, r.latency_ms AS latency, r.ttfb_ms AS ttfb,
                    CASE WHEN r.attempt_count > 1 AND EXISTS (
                        SELECT 1 FROM request_attempts a JOIN request_attempts b ON b.request_row = a.request_row AND b.seq > a.seq
                        WHERE a.request_row = r.id AND a.error_kind IS NOT NULL AND COALESCE(b.purpose, '') = COALESCE(a.purpose, '')
                            AND (b.model <> a.model OR COALESCE(b.deployment, '') <> COALESCE(a.deployment, ''))) THEN 1 ELSE 0 END AS fell_back,
                    CASE WHEN r.cascade_steps > 0 OR o.escalated THEN 1 ELSE 0 END AS escalated,
                    o.disagreement AS disagreement, CASE WHEN o.disagreement_above THEN 1 ELSE 0 END AS disagreed, o.fan_out_cost_nusd AS fan_out,
                    COALESCE(fb.score, r.quality_score) AS quality,
                    CASE WHEN r.cost_nusd IS NULL OR r.input_tokens IS NULL THEN 0 WHEN r.input_tokens > @long_above THEN 2 ELSE 1 END AS priced_on,
                    CASE WHEN r.input_tokens - COALESCE(r.cached_input_tokens, 0) - COALESCE(r.cache_write_tokens, 0) > 0
                        THEN r.input_tokens - COALESCE(r.cached_input_tokens, 0) - COALESCE(r.cache_write_tokens, 0) ELSE 0 END AS t_uncached,
                    COALESCE(r.cached_input_tokens, 0) AS t_cached, COALESCE(r.cache_write_tokens, 0) AS t_write, COALESCE(r.output_tokens, 0) AS t_output
                FROM requests r LEFT JOIN fb ON fb.request_id = r.request_id {Orchestration}
                WHERE {InWindow}
            )

            """;
    }

    /// <summary>Per grouping and key: the counts and sums <see cref="KpiSums"/> reads, in its column order.</summary>
    public static string Aggregates(List<string> groupings)
    {
        var sb = new StringBuilder(Base(groupings));
        for (var i = 0; i < groupings.Count; i++)
        {
            if (i > 0) sb.Append("UNION ALL\n");
            sb.Append(CultureInfo.InvariantCulture, $"""
                SELECT {i} AS dim, g{i} AS g, COUNT(*), SUM(ok), SUM(cost), SUM(1 - priced), SUM(ok * priced), SUM(fell_back), SUM(escalated),
                    COUNT(quality), SUM(quality),
                    SUM(CASE WHEN priced_on = 1 THEN t_uncached ELSE 0 END), SUM(CASE WHEN priced_on = 1 THEN t_cached ELSE 0 END),
                    SUM(CASE WHEN priced_on = 1 THEN t_write ELSE 0 END), SUM(CASE WHEN priced_on = 1 THEN t_output ELSE 0 END),
                    SUM(CASE WHEN priced_on = 2 THEN t_uncached ELSE 0 END), SUM(CASE WHEN priced_on = 2 THEN t_cached ELSE 0 END),
                    SUM(CASE WHEN priced_on = 2 THEN t_write ELSE 0 END), SUM(CASE WHEN priced_on = 2 THEN t_output ELSE 0 END),
                    SUM(CASE WHEN ok = 1 AND ttfb IS NOT NULL THEN 1 ELSE 0 END),
                    COUNT(disagreement), SUM(CASE WHEN disagreement IS NOT NULL THEN disagreed ELSE 0 END), SUM(disagreement), SUM(fan_out)
                FROM base GROUP BY g{i}

                """);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The successful requests' <paramref name="column"/> (latency_ms or ttfb_ms) in ascending order, each with its keys
    /// in groupings 1..n (the total's is a constant): one sort, streamed, so the nearest-rank
    /// percentiles of every group are picked as their ranks go by (the counts come from <see cref="Aggregates"/>).
    /// </summary>
    public static string Ordered(List<string> groupings, string column)
    {
        var sb = new StringBuilder("SELECT r.").Append(column);
        for (var i = 1; i < groupings.Count; i++) sb.Append(", ").Append(groupings[i]);
        return sb.Append(CultureInfo.InvariantCulture, $"""

            FROM requests r {Orchestration}
            WHERE {InWindow}
                AND r.status >= 200 AND r.status < 300 AND r.{column} IS NOT NULL
            ORDER BY r.{column}
            """).ToString();
    }
}
