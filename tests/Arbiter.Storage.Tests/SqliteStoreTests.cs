namespace Arbiter.Storage.Tests;

public sealed class SqliteStoreTests
{
    [Fact] public Task Migrate_SecondRun_AppliesNothing() => StoreContract.Migrate_SecondRun_AppliesNothing("sqlite");
    [Fact] public Task WriteBatch_Records_StoredWithAttemptsAndExactSpend() => StoreContract.WriteBatch_Records_StoredWithAttemptsAndExactSpend("sqlite");
    [Fact] public Task WriteBatch_Text_ReadsBackExactly() => StoreContract.WriteBatch_Text_ReadsBackExactly("sqlite");
    [Fact] public Task DeleteOlderThan_Cutoff_RemovesOnlyOlderRecords() => StoreContract.DeleteOlderThan_Cutoff_RemovesOnlyOlderRecordsAndTheirAttempts("sqlite");
    [Fact] public Task KeyStore_SaveAndUpdate_RoundTrips() => StoreContract.KeyStore_SaveAndUpdate_RoundTripsLimitsAndRevocation("sqlite");
    [Fact] public Task QueryAsync_Window_ReadsRecordsBack() => StoreContract.QueryAsync_Window_ReadsRecordsBackNewestFirstWithAttempts("sqlite");
    [Fact] public Task QueryById_IssuedAndClientIds_Found() => StoreContract.QueryById_IssuedAndClientIds_FoundWithOnlyClientIdsInTheIndex("sqlite");
    [Fact] public Task Migrate_OlderVersion_AppliesOnlyNewSteps() => StoreContract.Migrate_DatabaseAtAnOlderVersion_AppliesOnlyTheNewSteps("sqlite");
    [Fact] public Task WriteBatch_ServedByFirstCall_CallKeptInRow() => StoreContract.WriteBatch_ServedByFirstCall_KeepsTheCallInTheRowAndReadsItBack("sqlite");
    [Fact] public Task WriteBatch_OneBadRecord_BatchRolledBack() => StoreContract.WriteBatch_OneBadRecord_NothingOfTheBatchWrittenAndTheNextBatchIs("sqlite");
    [Fact] public Task WriteBatch_TableMissingAtFirstWrite_LaterBatchesWritten() => StoreContract.WriteBatch_TableMissingAtFirstWrite_LaterBatchesWrittenOnceItIsBack("sqlite");

    /// <summary>
    /// Both halves of a lookup by request id use an index: the client-id half the partial index (SQLite takes it only
    /// when the query repeats the index's condition), the issued-id half the start-time index. A full scan of the log
    /// here would make every feedback post and request lookup read the whole table.
    /// </summary>
    [Fact]
    public async Task QueryById_Plan_UsesAnIndexForBothHalves()
    {
        var (db, cleanup) = await TestDatabases.CreateAsync("sqlite");
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            await using var c = await db.OpenAsync(CancellationToken.None);
            await using var cmd = c.CreateCommand();
            var sql = SqlRequestReader.ById(cmd, Arbiter.Core.Ids.IssuedRequestId.New(Records.Day1), "started_at_ms >= @from AND started_at_ms < @to");
            cmd.CommandText = "EXPLAIN QUERY PLAN " + sql + " ORDER BY started_at_ms DESC LIMIT 1";
            Sql.Add(cmd, "from", 0L);
            Sql.Add(cmd, "to", long.MaxValue);
            var steps = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync()) steps.Add(r.GetString(3));
            var reads = steps.Where(s => s.Contains("requests", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, reads.Count);
            Assert.Contains(reads, s => s.Contains("USING INDEX ix_requests_request_id", StringComparison.Ordinal));
            Assert.Contains(reads, s => s.Contains("USING INDEX ix_requests_started", StringComparison.Ordinal));
            Assert.DoesNotContain(reads, s => s.StartsWith("SCAN", StringComparison.Ordinal));
        }
        finally
        {
            await cleanup();
        }
    }
}
