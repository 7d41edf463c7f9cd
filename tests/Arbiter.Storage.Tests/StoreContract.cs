using Arbiter.Core.Accounting;
using Arbiter.Core.Execution;
using Arbiter.Core.Ids;
using Arbiter.Core.Keys;
using Arbiter.Core.RequestLog;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Storage.Tests;

/// <summary>What every SQL engine must do, run against each by <see cref="SqliteStoreTests"/> and <see cref="PostgresStoreTests"/>.</summary>
internal static class StoreContract
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

    public static Task Migrate_SecondRun_AppliesNothing(string engine) => WithDatabase(engine, async db =>
    {
        Assert.Equal(0, await Migrator.MigrateAsync(db, CancellationToken.None));
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT MAX(version) FROM schema_migrations";
        Assert.Equal(db.Migrations.Max(m => m.Version), Convert.ToInt32(await cmd.ExecuteScalarAsync()));
    });

    public static Task WriteBatch_Records_StoredWithAttemptsAndExactSpend(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        var at = Records.Day1;
        await store.WriteBatchAsync(
        [
            Records.Make("r1", at, 0.00012345m, key: "key_a", team: "red"),
            Records.Make("r2", at.AddMinutes(1), 0.0000001m, key: "key_a", team: "red", model: "gpt-4o-mini"),
            Records.Make("r3", at.AddDays(1), 1.5m, key: "key_b", route: "auto"),
            Records.Make("r4", at.AddDays(1), null, key: "key_b", model: "llama-local"),
            Records.Make("r5", at.AddDays(1), null, status: 502),
        ], CancellationToken.None);

        var spend = new SqlSpendReader(db);
        var byKey = await spend.SpendAsync(SpendGrouping.Key, at.AddDays(-1), at.AddDays(5), CancellationToken.None);
        var b = Assert.Single(byKey, r => r.Group == "key_b");
        Assert.Equal((2L, 1.5m, 1L), (b.Requests, b.CostUsd, b.UnpricedRequests));
        var a = Assert.Single(byKey, r => r.Group == "key_a");
        Assert.Equal(0.00012355m, a.CostUsd);
        Assert.Equal(200, a.InputTokens);
        var none = Assert.Single(byKey, r => r.Group is null);
        Assert.Equal((1L, 0m, 0L), (none.Requests, none.CostUsd, none.UnpricedRequests));

        var byDay = await spend.SpendAsync(SpendGrouping.Day, at.AddDays(-1), at.AddDays(5), CancellationToken.None);
        Assert.Equal(["2026-11-21", "2026-11-20"], byDay.Select(r => r.Group));
        var byModel = await spend.SpendAsync(SpendGrouping.Model, at, at.AddMinutes(2), CancellationToken.None);
        Assert.Equal(["gpt-4o", "gpt-4o-mini"], byModel.Select(r => r.Group));
        var byRoute = await spend.SpendAsync(SpendGrouping.Route, at, at.AddDays(5), CancellationToken.None);
        Assert.Equal(1.5m, byRoute.Single(r => r.Group == "auto").CostUsd);

        var totals = await spend.SpendByKeySinceAsync(at.AddDays(1), CancellationToken.None);
        var t = Assert.Single(totals);
        Assert.Equal(("key_b", (string?)null, 1.5m), (t.KeyId, t.Team, t.CostUsd));

        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM request_attempts";
        Assert.Equal(9L, Convert.ToInt64(await cmd.ExecuteScalarAsync()));
        cmd.CommandText = "SELECT deployment FROM requests WHERE request_id = 'r1'";
        Assert.Equal("us", await cmd.ExecuteScalarAsync());
    });

    public static Task WriteBatch_Text_ReadsBackExactly(string engine) => WithDatabase(engine, async db =>
    {
        // SQLite's rows bind text as UTF-8 made on the stack, long text as UTF-16: both, empty text and text beyond
        // the basic plane read back as written.
        var longMessage = string.Concat(Enumerable.Repeat("déjà vu 日本 ", 80));
        await using var store = new SqlRequestStore(db);
        await store.WriteBatchAsync(
        [
            Records.Make("r-ü", Records.Day1, 1m, key: "clé", team: "équipe 🚀") with { RequestedModel = "", Decision = "rule:naïve → 模型" },
            Records.Make("r-long", Records.Day1.AddMinutes(1), null, status: 502) with { ErrorMessage = longMessage },
        ], CancellationToken.None);

        var accented = Assert.Single(await store.QueryAsync(RequestQuery.ById("r-ü"), CancellationToken.None));
        Assert.Equal(("", "rule:naïve → 模型", "clé", "équipe 🚀"), (accented.RequestedModel, accented.Decision, accented.KeyId, accented.Team));
        var failed = Assert.Single(await store.QueryAsync(RequestQuery.ById("r-long"), CancellationToken.None));
        Assert.Equal(longMessage, failed.ErrorMessage);
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM requests WHERE requested_model = ''";
        Assert.Equal(1L, Convert.ToInt64(await cmd.ExecuteScalarAsync())); // empty, not NULL
    });

    public static Task DeleteOlderThan_Cutoff_RemovesOnlyOlderRecordsAndTheirAttempts(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        await store.WriteBatchAsync([Records.Make("old", Records.Day1, 1m), Records.Make("new", Records.Day1.AddDays(40), 2m)], CancellationToken.None);

        var deleted = await store.DeleteOlderThanAsync(Records.Day1.AddDays(10), CancellationToken.None);

        Assert.Equal(1, deleted);
        var left = await new SqlSpendReader(db).SpendAsync(SpendGrouping.Day, Records.Day1.AddDays(-1), Records.Day1.AddDays(50), CancellationToken.None);
        Assert.Equal(2m, Assert.Single(left).CostUsd);
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM request_attempts";
        Assert.Equal(2L, Convert.ToInt64(await cmd.ExecuteScalarAsync()));
    });

    public static Task KeyStore_SaveAndUpdate_RoundTripsLimitsAndRevocation(string engine) => WithDatabase(engine, async db =>
    {
        var store = new SqlKeyStore(db);
        var time = new FakeTimeProvider(Records.Day1);
        var limits = new KeyLimits { AllowedModels = ["gpt-4o"], Rpm = 60, Tpm = 10_000, DailyBudgetUsd = 1.25m, MonthlyBudgetUsd = 30m, MaxRequestCostUsd = 0.1m, MaxExtraCallsPerMinute = 3 };
        var (plaintext, key) = new KeyFactory(time).Create("ci", "red", limits);
        await store.SaveKeyAsync(key, CancellationToken.None);
        await store.SaveKeyAsync(key with { Name = "ci-2", RevokedAt = Records.Day1.AddHours(1) }, CancellationToken.None);
        await store.SaveTeamAsync(new Team { Name = "red", Limits = new KeyLimits { DailyBudgetUsd = 10m }, CreatedAt = Records.Day1 }, CancellationToken.None);

        var loaded = Assert.Single(await store.LoadKeysAsync(CancellationToken.None));
        Assert.Equal("ci-2", loaded.Name);
        Assert.Equal(Records.Day1.AddHours(1), loaded.RevokedAt);
        Assert.Equal(key.Hash, loaded.Hash);
        Assert.Equal(limits.AllowedModels, loaded.Limits.AllowedModels);
        Assert.Equal(limits with { AllowedModels = loaded.Limits.AllowedModels }, loaded.Limits);
        Assert.NotEqual(plaintext, loaded.Hash);
        Assert.Equal(10m, Assert.Single(await store.LoadTeamsAsync(CancellationToken.None)).Limits.DailyBudgetUsd);
        Assert.True(await store.DeleteTeamAsync("red", CancellationToken.None));
        Assert.False(await store.DeleteTeamAsync("red", CancellationToken.None));
    });

    public static Task QueryById_IssuedAndClientIds_FoundWithOnlyClientIdsInTheIndex(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        var at = Records.Day1;
        var issued = Records.Make(IssuedRequestId.New(at), at, 1m) with { RequestIdIssued = true };
        // A client's own id in the issued shape (its time is not the request's start) and a client reusing an issued id.
        var lookalike = Records.Make(IssuedRequestId.New(at.AddSeconds(1)), at.AddSeconds(2), 1m);
        var reused = Records.Make(issued.RequestId, at.AddMinutes(1), 2m);
        // Said to be issued but not of its start (no gateway path makes one): kept as a client id would be.
        var skewed = Records.Make(IssuedRequestId.New(at), at.AddMilliseconds(3), 1m) with { RequestIdIssued = true };
        var client = Records.Make("client-1", at, 1m);
        await store.WriteBatchAsync([issued, lookalike, reused, skewed, client], CancellationToken.None);

        async Task<IReadOnlyList<RequestRecord>> ById(string id) =>
            await store.QueryAsync(new RequestQuery { RequestId = id, Limit = 10 }, CancellationToken.None);
        Assert.Equal([(2m, false), (1m, true)], (await ById(issued.RequestId)).Select(r => (r.CostUsd, r.RequestIdIssued)));
        var read = (await ById(issued.RequestId))[1];
        Assert.Equal(issued with { Attempts = read.Attempts }, read);
        Assert.Equal(issued.Attempts.Select(a => (a.Model, a.Deployment)), read.Attempts.Select(a => (a.Model, a.Deployment)));
        foreach (var r in new[] { lookalike, skewed, client })
            Assert.Equal(r.StartedAt, Assert.Single(await ById(r.RequestId)).StartedAt);
        Assert.False(Assert.Single(await ById(skewed.RequestId)).RequestIdIssued);
        Assert.Empty(await ById(IssuedRequestId.New(at)));
        Assert.Empty(await store.QueryAsync(new RequestQuery { RequestId = issued.RequestId, From = at.AddMinutes(2) }, CancellationToken.None));

        // The rows the partial index holds: every one but the row keyed by its issued id.
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT request_id, started_at_ms FROM requests WHERE {RequestRow.IndexedById} ORDER BY started_at_ms";
        var indexed = new List<(string, long)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexed.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1))));
        Assert.Equal(new[] { client, skewed, lookalike, reused }.Select(r => (r.RequestId, r.StartedAt.ToUnixTimeMilliseconds())), indexed);
    });

    public static Task QueryAsync_Window_ReadsRecordsBackNewestFirstWithAttempts(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        var written = Records.Make("r1", Records.Day1, 0.00012345m, key: "key_a", team: "red") with { TaskType = "summarize", Tier = "fast", Escalations = 1, QualityScore = 0.75 };
        await store.WriteBatchAsync([written, Records.Make("r2", Records.Day1.AddMinutes(5), null, status: 502), Records.Make("r3", Records.Day1.AddDays(3), 1m)], CancellationToken.None);

        var found = await store.QueryAsync(new Arbiter.Core.RequestLog.RequestQuery { From = Records.Day1, To = Records.Day1.AddDays(1) }, CancellationToken.None);
        var byId = await store.QueryAsync(Arbiter.Core.RequestLog.RequestQuery.ById("r3"), CancellationToken.None);

        Assert.Equal(["r2", "r1"], found.Select(r => r.RequestId));
        var r1 = found[1];
        Assert.Equal(written with { Attempts = r1.Attempts }, r1);
        Assert.Equal(written.Attempts.Select(a => (a.Model, a.Provider, a.Duration, a.Error?.Kind, a.Deployment, a.Retry)),
            r1.Attempts.Select(a => (a.Model, a.Provider, a.Duration, a.Error?.Kind, a.Deployment, a.Retry)));
        Assert.Equal(Arbiter.Core.Errors.ErrorKind.UpstreamError, found[0].ErrorKind);
        Assert.Equal(1m, Assert.Single(byId).CostUsd);
    });

    public static Task WriteBatch_ServedByFirstCall_KeepsTheCallInTheRowAndReadsItBack(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        var first = Records.Make("one-call", Records.Day1, 1m) with
        {
            Attempts = [new Attempt("gpt-4o", "openai", TimeSpan.FromMilliseconds(7.25), null) { Deployment = "us" }],
        };
        var retried = first with
        {
            RequestId = "retried",
            StartedAt = Records.Day1.AddSeconds(1),
            Attempts = [new Attempt("gpt-4o", "openai", TimeSpan.FromMilliseconds(7.25), null) { Deployment = "us", Retry = 1 }],
        };
        await store.WriteBatchAsync([first, retried], CancellationToken.None);

        var read = await store.QueryAsync(new Arbiter.Core.RequestLog.RequestQuery { From = Records.Day1, To = Records.Day1.AddDays(1) }, CancellationToken.None);

        Assert.Equal(["retried", "one-call"], read.Select(r => r.RequestId));
        foreach (var (written, back) in new[] { (retried, read[0]), (first, read[1]) })
            Assert.Equal(written.Attempts.Select(a => (a.Model, a.Provider, a.Duration, a.Error, a.Deployment, a.Retry, a.Skipped)),
                back.Attempts.Select(a => (a.Model, a.Provider, a.Duration, a.Error, a.Deployment, a.Retry, a.Skipped)));
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM request_attempts";
        Assert.Equal(1L, Convert.ToInt64(await cmd.ExecuteScalarAsync()));
    });

    public static Task WriteBatch_OneBadRecord_NothingOfTheBatchWrittenAndTheNextBatchIs(string engine) => WithDatabase(engine, async db =>
    {
        await using var store = new SqlRequestStore(db);
        var bad = Records.Make("bad", Records.Day1, 1m) with { RequestedModel = null! };

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.WriteBatchAsync([Records.Make("first", Records.Day1, 1m), bad], CancellationToken.None));
        await store.WriteBatchAsync([Records.Make("next", Records.Day1.AddSeconds(1), 1m)], CancellationToken.None);

        var read = await store.QueryAsync(new Arbiter.Core.RequestLog.RequestQuery { From = Records.Day1, To = Records.Day1.AddDays(1) }, CancellationToken.None);
        Assert.Equal(["next"], read.Select(r => r.RequestId));
        Assert.Equal(2, Assert.Single(read).Attempts.Count);
    });

    /// <summary>A first batch that fails before any row (its insert cannot even be prepared) must not break the next ones.</summary>
    public static Task WriteBatch_TableMissingAtFirstWrite_LaterBatchesWrittenOnceItIsBack(string engine) => WithDatabase(engine, async db =>
    {
        async Task RenameAsync(string from, string to)
        {
            await using var c = await db.OpenAsync(CancellationToken.None);
            await using var command = c.CreateCommand();
            command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
            await command.ExecuteNonQueryAsync();
        }
        await using var store = new SqlRequestStore(db);

        await RenameAsync("requests", "requests_away");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            store.WriteBatchAsync([Records.Make("lost", Records.Day1, 1m)], CancellationToken.None));
        await RenameAsync("requests_away", "requests");
        await store.WriteBatchAsync([Records.Make("next", Records.Day1.AddSeconds(1), 1m)], CancellationToken.None);

        var read = await store.QueryAsync(new Arbiter.Core.RequestLog.RequestQuery { From = Records.Day1, To = Records.Day1.AddDays(1) }, CancellationToken.None);
        Assert.Equal(["next"], read.Select(r => r.RequestId));
    });

    public static async Task Migrate_DatabaseAtAnOlderVersion_AppliesOnlyTheNewSteps(string engine)
    {
        var (db, cleanup) = await TestDatabases.CreateAsync(engine);
        try
        {
            Assert.Equal(1, await Migrator.MigrateAsync(new FirstMigrationOnly(db), CancellationToken.None));
            var pending = db.Migrations.Count - 1;
            // A row written by that older build must survive the later steps (version 3 rebuilds the SQLite table).
            await using (var c = await db.OpenAsync(CancellationToken.None))
            await using (var insert = c.CreateCommand())
            {
                insert.CommandText = $"""
                    INSERT INTO requests (id, request_id, started_at_ms, day, requested_model, served_model, provider, stream, status, latency_ms, overhead_ms, attempt_count, fallback_steps)
                    VALUES ('row-1', 'before-upgrade', {Records.Day1.ToUnixTimeMilliseconds()}, '2026-11-20', 'gpt-4o', 'gpt-4o', 'openai', false, 200, 1.5, 0.1, 1, 0)
                    """;
                await insert.ExecuteNonQueryAsync();
            }

            Assert.Equal(pending, await Migrator.MigrateAsync(db, CancellationToken.None));
            await using (var store = new SqlRequestStore(db))
            {
                await store.WriteBatchAsync([Records.Make("after-upgrade", Records.Day1, 1m)], CancellationToken.None);
                var before = Assert.Single(await store.QueryAsync(Arbiter.Core.RequestLog.RequestQuery.ById("before-upgrade"), CancellationToken.None));
                Assert.Equal(("gpt-4o", 200, 1.5), (before.ServedModel, before.Status, before.LatencyMs));
            }
            await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator.MigrateAsync(new FirstMigrationOnly(db), CancellationToken.None));
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>The same database as an older build saw it: only its first migration known.</summary>
    private sealed class FirstMigrationOnly(SqlDatabase inner) : SqlDatabase
    {
        public override string Engine => inner.Engine;
        public override IReadOnlyList<Migration> Migrations => [inner.Migrations[0]];
        public override ValueTask<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);
    }
}
