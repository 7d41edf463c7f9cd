namespace Arbiter.Storage.Tests;

/// <summary>The same contract against a real PostgreSQL server (see <see cref="TestDatabases"/>).</summary>
public sealed class PostgresStoreTests
{
    [PostgresFact] public Task Migrate_SecondRun_AppliesNothing() => StoreContract.Migrate_SecondRun_AppliesNothing("postgres");
    [PostgresFact] public Task WriteBatch_Records_StoredWithAttemptsAndExactSpend() => StoreContract.WriteBatch_Records_StoredWithAttemptsAndExactSpend("postgres");
    [PostgresFact] public Task WriteBatch_Text_ReadsBackExactly() => StoreContract.WriteBatch_Text_ReadsBackExactly("postgres");
    [PostgresFact] public Task DeleteOlderThan_Cutoff_RemovesOnlyOlderRecords() => StoreContract.DeleteOlderThan_Cutoff_RemovesOnlyOlderRecordsAndTheirAttempts("postgres");
    [PostgresFact] public Task KeyStore_SaveAndUpdate_RoundTrips() => StoreContract.KeyStore_SaveAndUpdate_RoundTripsLimitsAndRevocation("postgres");
    [PostgresFact] public Task QueryAsync_Window_ReadsRecordsBack() => StoreContract.QueryAsync_Window_ReadsRecordsBackNewestFirstWithAttempts("postgres");
    [PostgresFact] public Task QueryById_IssuedAndClientIds_Found() => StoreContract.QueryById_IssuedAndClientIds_FoundWithOnlyClientIdsInTheIndex("postgres");
    [PostgresFact] public Task Migrate_OlderVersion_AppliesOnlyNewSteps() => StoreContract.Migrate_DatabaseAtAnOlderVersion_AppliesOnlyTheNewSteps("postgres");
    [PostgresFact] public Task WriteBatch_ServedByFirstCall_CallKeptInRow() => StoreContract.WriteBatch_ServedByFirstCall_KeepsTheCallInTheRowAndReadsItBack("postgres");
    [PostgresFact] public Task WriteBatch_OneBadRecord_BatchRolledBack() => StoreContract.WriteBatch_OneBadRecord_NothingOfTheBatchWrittenAndTheNextBatchIs("postgres");
    [PostgresFact] public Task WriteBatch_TableMissingAtFirstWrite_LaterBatchesWritten() => StoreContract.WriteBatch_TableMissingAtFirstWrite_LaterBatchesWrittenOnceItIsBack("postgres");
}
