using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Calls;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage.Tests;

/// <summary>
/// A composite request's trace (mode, disagreement, escalation, fan-out cost, every call, the plan and verdicts) in the
/// SQL request log: written beside its row, read back with it, removed with it.
/// </summary>
public sealed class OrchestrationLogTests
{
    private static readonly OrchestrationTrace Trace = new("orchestrate", "planner")
    {
        Strategy = "plan-delegate-check-compose",
        Disagreement = 0.625,
        DisagreementAboveThreshold = true,
        Escalated = true,
        EscalationReason = "the orchestrator sent a sub-task to a stronger model",
        FanOutCostUsd = 0.000123456m,
        Calls =
        [
            new CallRecord("plan", "sim-general", null, 0.0021m, 412.5, 120, 40),
            new CallRecord("check:a", "sim-general", null, 0m, 0, null, null) { Note = "refused: over the cap" },
            new CallRecord("worker:a", "sim-fast", "provider 'x' did not answer in time", null, 30000, null, null),
        ],
        DetailsJson = """{"plan":[{"id":"a","task":"t","tier":"fast"}],"delegations":[{"id":"a","tries":[{"verdict":"unchecked"}]}],"complete":false}""",
    };

    [PostgresFact]
    public Task Postgres_CompositeRecord_TraceReadBackAndRemovedWithItsRow() => CompositeRecord_TraceReadBackAndRemovedWithItsRow("postgres");

    [Theory]
    [InlineData("sqlite")]
    public async Task CompositeRecord_TraceReadBackAndRemovedWithItsRow(string engine)
    {
        var (db, cleanup) = await TestDatabases.CreateAsync(engine);
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            await using var store = new SqlRequestStore(db);
            var composite = Records.Make("composite", Records.Day1, 0.01m) with
            {
                Mode = Trace.Mode, Disagreement = Trace.Disagreement, Escalated = true, FanOutCostUsd = Trace.FanOutCostUsd, Orchestration = Trace,
            };
            await store.WriteBatchAsync([composite, Records.Make("plain", Records.Day1.AddMinutes(1), 0.01m)], CancellationToken.None);

            var found = await store.QueryAsync(new RequestQuery { From = Records.Day1, To = Records.Day1.AddDays(1) }, CancellationToken.None);

            var plain = Assert.Single(found, r => r.RequestId == "plain");
            Assert.Null(plain.Orchestration);
            Assert.Null(plain.Mode);
            var read = Assert.Single(found, r => r.RequestId == "composite");
            Assert.Equal(("orchestrate", 0.625, true, 0.000123456m), (read.Mode, read.Disagreement, read.Escalated, read.FanOutCostUsd));
            var o = read.Orchestration!;
            Assert.Equal(Trace with { Calls = o.Calls }, o);
            Assert.Equal(Trace.Calls, o.Calls);

            await store.DeleteOlderThanAsync(Records.Day1.AddDays(1), CancellationToken.None);
            await using var c = await db.OpenAsync(CancellationToken.None);
            await using var count = c.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM request_orchestration";
            Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        finally
        {
            await cleanup();
        }
    }
}
