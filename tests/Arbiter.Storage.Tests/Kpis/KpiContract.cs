using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Tests.Kpis;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Storage.Tests.Kpis;

/// <summary>
/// The KPIs aggregated in SQL (<see cref="SqlKpiSource"/>) against the in-memory arithmetic (<see cref="KpiCalculator"/>)
/// on the same logs, and feedback kept across a restart; run against each engine.
/// </summary>
internal static class KpiContract
{
    private static async Task WithDatabase(string engine, Func<SqlDatabase, Task> test)
    {
        var (db, cleanup) = await TestDatabases.CreateAsync(engine);
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            await test(db);
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task WriteAsync(SqlDatabase db, IReadOnlyList<RequestRecord> records, IReadOnlyList<QualityFeedback> feedback)
    {
        await new SqlRequestStore(db).WriteBatchAsync(records, CancellationToken.None);
        var store = new SqlFeedbackStore(db);
        foreach (var f in feedback) await store.WriteAsync(f, CancellationToken.None);
    }

    private static JsonNode? Json(KpiReport report) => JsonNode.Parse(JsonSerializer.Serialize(report, KpiJsonContext.Default.KpiReport));

    public static Task Report_KnownLog_SameFiguresAsInMemory(string engine) => WithDatabase(engine, async db =>
    {
        await WriteAsync(db, KpiLog.Requests(), KpiLog.Feedback());

        var sql = await new SqlKpiSource(db, KpiLog.Pricing).ReportAsync(KpiLog.Hour, 4, 50, KpiLog.Hour.To, CancellationToken.None);

        // The figures the KPI arithmetic tests work out by hand (KpiCalculatorTests), read from SQL.
        var t = sql.Totals;
        Assert.Equal((5L, 4L), (t.Requests, t.Succeeded));
        Assert.Equal(0.096m, t.CostUsd);
        Assert.Equal(1, t.UnpricedRequests);
        Assert.Equal(0.032m, t.CostPerSuccessUsd);
        Assert.Equal(0.115m, t.StrongestModelCostUsd);
        Assert.Equal((100.0, 400.0, 50.0, 50.0), (t.LatencyP50Ms, t.LatencyP95Ms, t.TtfbP50Ms, t.TtfbP95Ms));
        Assert.Equal((0.4, 0.2), (t.FallbackRate, t.EscalationRate));
        Assert.Equal(2, t.QualitySamples);
        Assert.Equal(0.6, t.Quality!.Value, 9);
        Assert.Equal([1L, 1, 2, 1], sql.Series.Select(b => b.Figures.Requests));
        Assert.Equal(["r5", "r4", "r3", "r2", "r1"], sql.Recent.Select(r => r.RequestId));
        var byTier = sql.Groups[KpiDimensions.Tier].ToDictionary(g => g.Key);
        Assert.Equal((2L, 1L, 2L), (byTier["deep"].Figures.Requests, byTier["fast"].Figures.Requests, byTier[KpiDimensions.None].Figures.Requests));
        // And everything else equal to the in-memory report of the same log.
        var memory = KpiCalculator.Compute(KpiLog.Requests(), KpiLog.Feedback(), KpiLog.Pricing, KpiLog.Hour, KpiLog.Hour.To, 4, 50);
        JsonNumbers.AssertSame(Json(memory), Json(sql));
    });

    public static Task Report_RandomLog_SameFiguresAsInMemory(string engine) => WithDatabase(engine, async db =>
    {
        var (records, feedback) = RandomLog.Make(1500, seed: 7);
        await WriteAsync(db, records, feedback);
        var source = new SqlKpiSource(db, RandomLog.Pricing);
        var window = RandomLog.Window;

        foreach (var (w, buckets) in new[] { (window, 7), (new KpiWindow(window.From.AddTicks(12_345), window.From.AddMinutes(95)), 4) })
        {
            var sql = await source.ReportAsync(w, buckets, 20, w.To, CancellationToken.None);
            var memory = KpiCalculator.Compute(records, feedback, RandomLog.Pricing, w, w.To, buckets, 20);
            Assert.True(memory.Totals.Requests > 100);
            Assert.True(memory.Totals.FallbackRate > 0 && memory.Totals.EscalationRate > 0 && memory.Totals.QualitySamples > 0);
            Assert.True(memory.Groups[KpiDimensions.Mode].Count == 5 && memory.Totals.DisagreementRate > 0 && memory.Totals.FanOutCostUsd > 0);
            JsonNumbers.AssertSame(Json(memory), Json(sql));
        }
    });

    public static Task Report_ShadowCallRecord_LeftOut(string engine) => WithDatabase(engine, async db =>
    {
        var records = KpiLog.Requests();
        records.Add(KpiLog.Record("r1-shadow", 6, served: "big", usage: KpiLog.Usage(1000, 500), cost: 0.025m) with
        {
            Decision = "shadow of r1 -> big",
            Shadow = new ShadowComparison { PrimaryRequestId = "r1", ShadowModel = "big" },
        });
        await WriteAsync(db, records, []);

        var sql = await new SqlKpiSource(db, KpiLog.Pricing).ReportAsync(KpiLog.Hour, 4, 50, KpiLog.Hour.To, CancellationToken.None);

        Assert.Equal(5, sql.Totals.Requests);
        Assert.Equal(0.096m, sql.Totals.CostUsd);
        Assert.DoesNotContain(sql.Recent, r => r.RequestId == "r1-shadow");
    });

    public static Task Report_EmptyWindow_RatesNullNotZero(string engine) => WithDatabase(engine, async db =>
    {
        var sql = await new SqlKpiSource(db, KpiLog.Pricing).ReportAsync(KpiLog.Hour, 3, 10, KpiLog.Hour.To, CancellationToken.None);
        var memory = KpiCalculator.Compute([], [], KpiLog.Pricing, KpiLog.Hour, KpiLog.Hour.To, 3, 10);
        Assert.Equal(0, sql.Totals.Requests);
        Assert.Null(sql.Totals.FallbackRate);
        JsonNumbers.AssertSame(Json(memory), Json(sql));
    });

    /// <summary>
    /// A model's quality falls in the last ten minutes (application feedback 0.9, then 0.3). After a restart (the
    /// SQLite file reopened) the feedback is still there, feeds the quality KPI, and drift raises the alert.
    /// </summary>
    public static async Task Feedback_SurvivesRestart_FeedsQualityAndDrift()
    {
        var (db, cleanup) = await TestDatabases.CreateAsync("sqlite");
        var path = ((SqliteDatabase)db).Path;
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            var records = new List<RequestRecord>();
            var feedback = new List<QualityFeedback>();
            for (var minute = 0; minute < 70; minute++)
            {
                var r = KpiLog.Record($"d{minute}", minute, served: "small", usage: KpiLog.Usage(100, 50), cost: 0.0002m, task: "chat");
                records.Add(r);
                feedback.Add(new QualityFeedback(r.RequestId, minute < 60 ? 0.9 : 0.3, "from the app", r.StartedAt.AddSeconds(30)));
            }
            await WriteAsync(db, records, feedback);
            await db.DisposeAsync();

            await using var reopened = new SqliteDatabase(path);
            Assert.Equal(0, await Migrator.MigrateAsync(reopened, CancellationToken.None));
            var stored = new SqlFeedbackStore(reopened);
            Assert.Equal(70, (await stored.QueryAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None)).Count);

            var now = KpiLog.T0.AddMinutes(70);
            var kpis = new KpiService(new SqlRequestStore(reopened), stored, new SqlKpiSource(reopened, KpiLog.Pricing), new DriftMonitor(), new FakeTimeProvider(now));
            var lastTen = await kpis.ReportAsync(KpiWindow.Last(TimeSpan.FromMinutes(10), now), 1, 0, CancellationToken.None);
            Assert.Equal(0.3, lastTen.Totals.Quality!.Value, 9);
            Assert.Equal(10, lastTen.Totals.QualitySamples);

            var changes = await kpis.EvaluateDriftAsync(new DriftConfig { WindowMinutes = 10, BaselineMinutes = 60, MinRequests = 5, QualityDrop = 0.1 }, CancellationToken.None);
            var alert = Assert.Single(changes.Raised, a => a.Dimension == KpiDimensions.Model);
            Assert.Equal(("small", DriftMetrics.Quality), (alert.Key, alert.Metric));
            Assert.Equal(0.9, alert.Baseline, 9);
            Assert.Contains(changes.Raised, a => a.Dimension == KpiDimensions.Task && a.Key == "chat");
        }
        finally
        {
            await cleanup();
        }
    }
}
