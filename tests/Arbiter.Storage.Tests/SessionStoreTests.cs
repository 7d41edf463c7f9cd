using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration.Sessions;

namespace Arbiter.Storage.Tests;

/// <summary>Sessions in SQL: survive a restart (the store reopened on the same file), and commit only on the version they were read at.</summary>
public sealed class SessionStoreTests
{
    private static SessionEngine Engine(SqlDatabase db) => new(new SqlSessionStore(db), new SessionRules(["/constraints"]), TimeProvider.System);

    private static IReadOnlyList<PatchOperation> AddFact(string fact) => [new PatchOperation("add", "/facts/-", JsonValue.Create(fact))];

    [Fact]
    public async Task Sqlite_SessionReopenedAfterRestart_StateVersionAndHistorySurvive()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arbiter-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "arbiter.db");
        try
        {
            string id;
            await using (var first = new SqliteDatabase(path))
            {
                await Migrator.MigrateAsync(first, CancellationToken.None);
                var engine = Engine(first);
                var created = await engine.CreateAsync(SessionRules.NewDocument(null, out _)!, "test", CancellationToken.None);
                id = created.Id;
                Assert.Equal(SessionTransition.Committed, (await engine.PatchAsync(id, 1, AddFact("the sky is blue"), "test", CancellationToken.None)).Status);
            }

            await using var reopened = new SqliteDatabase(path);
            await Migrator.MigrateAsync(reopened, CancellationToken.None);
            var again = Engine(reopened);
            var state = await again.Store.GetAsync(id, CancellationToken.None);
            Assert.Equal(2, state!.Version);
            Assert.Equal("the sky is blue", JsonNode.Parse(state.Document)!["facts"]![0]!.GetValue<string>());
            Assert.Equal([SessionTransition.Created, SessionTransition.Committed], (await again.Store.HistoryAsync(id, CancellationToken.None)).Select(t => t.Kind));
            Assert.Equal(state.Document, (await again.ReplayAsync(id, 2, CancellationToken.None))!.ToJsonString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [PostgresFact]
    public Task Postgres_TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflict() => TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflict("postgres");

    [Theory]
    [InlineData("sqlite")]
    public async Task TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflict(string engine)
    {
        var (db, cleanup) = await TestDatabases.CreateAsync(engine);
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            var sessions = Engine(db);
            var id = (await sessions.CreateAsync(SessionRules.NewDocument(null, out _)!, "test", CancellationToken.None)).Id;

            var outcomes = await Task.WhenAll(
                sessions.PatchAsync(id, 1, AddFact("a"), "one", CancellationToken.None),
                sessions.PatchAsync(id, 1, AddFact("b"), "two", CancellationToken.None));

            Assert.Equal(1, outcomes.Count(o => o.Status == SessionTransition.Committed));
            Assert.Equal(1, outcomes.Count(o => o.Status == SessionTransition.Conflict));
            var state = await sessions.Store.GetAsync(id, CancellationToken.None);
            Assert.Equal(2, state!.Version);
            Assert.Single(JsonNode.Parse(state.Document)!["facts"]!.AsArray());
            var history = await sessions.Store.HistoryAsync(id, CancellationToken.None);
            Assert.Equal([1L, 2L, 3L], history.Select(t => t.Seq));
            Assert.Contains(history, t => t.Kind == SessionTransition.Conflict && t.BaseVersion == 1);
        }
        finally
        {
            await cleanup();
        }
    }
}
