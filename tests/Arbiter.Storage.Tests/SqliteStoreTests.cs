namespace Arbiter.Storage.Tests;

public sealed class SqliteStoreTests
{
    [Fact] public Task Migrate_SecondRun_AppliesNothing() => StoreContract.Migrate_SecondRun_AppliesNothing("sqlite");
    [Fact] public Task WriteBatch_Records_StoredWithAttemptsAndExactSpend() => StoreContract.WriteBatch_Records_StoredWithAttemptsAndExactSpend("sqlite");
    [Fact] public Task WriteBatch_Text_ReadsBackExactly() => StoreContract.WriteBatch_Text_ReadsBackExactly("sqlite");
    [Fact] public Task DeleteOlderThan_Cutoff_RemovesOnlyOlderRecords() => StoreContract.DeleteOlderThan_Cutoff_RemovesOnlyOlderRecordsAndTheirAttempts("sqlite");
    [Fact] public Task KeyStore_SaveAndUpdate_RoundTrips() => StoreContract.KeyStore_SaveAndUpdate_RoundTripsLimitsAndRevocation("sqlite");
    [Fact] public Task QueryAsync_Window_ReadsRecordsBack() => StoreContract.QueryAsync_Window_ReadsRecordsBackNewestFirstWithAttempts("sqlite");
    [Fact] public Task Migrate_OlderVersion_AppliesOnlyNewSteps() => StoreContract.Migrate_DatabaseAtAnOlderVersion_AppliesOnlyTheNewSteps("sqlite");
    [Fact] public Task WriteBatch_ServedByFirstCall_CallKeptInRow() => StoreContract.WriteBatch_ServedByFirstCall_KeepsTheCallInTheRowAndReadsItBack("sqlite");
    [Fact] public Task WriteBatch_OneBadRecord_BatchRolledBack() => StoreContract.WriteBatch_OneBadRecord_NothingOfTheBatchWrittenAndTheNextBatchIs("sqlite");
    [Fact] public Task WriteBatch_TableMissingAtFirstWrite_LaterBatchesWritten() => StoreContract.WriteBatch_TableMissingAtFirstWrite_LaterBatchesWrittenOnceItIsBack("sqlite");
}
