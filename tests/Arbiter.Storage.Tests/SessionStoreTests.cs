using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration.Sessions;

namespace Arbiter.Storage.Tests;

/// <summary>
/// Sessions in SQL (SQLite always; PostgreSQL when <see cref="TestDatabases.PostgresVariable"/> is set, as in CI): they
/// survive a restart (the store reopened on the same data), and commit only on the version they were read at.
/// </summary>
public sealed class SessionStoreTests
{
    private static SessionEngine Engine(SqlDatabase db) => new(new SqlSessionStore(db), new SessionRules(["/constraints"]), TimeProvider.System, new Arbiter.Server.Orchestration.SystemTextJsonPatchApplier());

    private static IReadOnlyList<PatchOperation> AddFact(string fact) => [new PatchOperation("add", "/facts/-", JsonValue.Create(fact))];

    [PostgresFact]
    public Task Postgres_SessionReopenedAfterRestart_StateVersionAndHistorySurvive() => SessionReopenedAfterRestart_StateVersionAndHistorySurvive("postgres");

    [Theory]
    [InlineData("sqlite")]
    public async Task SessionReopenedAfterRestart_StateVersionAndHistorySurvive(string engine)
    {
        var (open, cleanup) = await TestDatabases.CreateReopenableAsync(engine);
        try
        {
            string id;
            await using (var first = open())
            {
                await Migrator.MigrateAsync(first, CancellationToken.None);
                var sessions = Engine(first);
                id = (await sessions.CreateAsync(SessionRules.NewDocument(null, out _)!, "test", CancellationToken.None)).Id;
                Assert.Equal(SessionTransition.Committed, (await sessions.PatchAsync(id, 1, AddFact("the sky is blue"), "test", CancellationToken.None)).Status);
            }

            await using var reopened = open();
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
            await cleanup();
        }
    }

    [PostgresFact]
    public Task Postgres_TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflictAndCommitsWhenRetried() =>
        TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflictAndCommitsWhenRetried("postgres");

    /// <summary>Several rounds, each two writers patching the version they both read at once, through two stores (two instances).</summary>
    [Theory]
    [InlineData("sqlite")]
    public async Task TwoPatchesOnOneVersion_OneCommitsTheOtherIsAConflictAndCommitsWhenRetried(string engine)
    {
        const int rounds = 8;
        var (open, cleanup) = await TestDatabases.CreateReopenableAsync(engine);
        var db = open();
        var other = open();
        try
        {
            await Migrator.MigrateAsync(db, CancellationToken.None);
            var one = Engine(db);
            var two = Engine(other);
            var id = (await one.CreateAsync(SessionRules.NewDocument(null, out _)!, "test", CancellationToken.None)).Id;

            for (var round = 0; round < rounds; round++)
            {
                var version = (await one.Store.GetAsync(id, CancellationToken.None))!.Version;
                var outcomes = await Task.WhenAll(
                    one.PatchAsync(id, version, AddFact($"a{round}"), "one", CancellationToken.None),
                    two.PatchAsync(id, version, AddFact($"b{round}"), "two", CancellationToken.None));

                Assert.Equal(1, outcomes.Count(o => o.Status == SessionTransition.Committed));
                var lost = Assert.Single(outcomes, o => o.Status == SessionTransition.Conflict);
                Assert.Equal(version + 1, lost.State!.Version); // the loser is told the version that won
                // Retried on the version it was told, the losing patch commits: nothing merged behind anyone's back.
                var loser = outcomes[0] == lost ? ("a", one) : ("b", two);
                var retried = await loser.Item2.PatchAsync(id, lost.State.Version, AddFact($"{loser.Item1}{round}"), "retry", CancellationToken.None);
                Assert.Equal(SessionTransition.Committed, retried.Status);
            }

            var state = await one.Store.GetAsync(id, CancellationToken.None);
            Assert.Equal(1 + 2 * rounds, state!.Version);
            var facts = JsonNode.Parse(state.Document)!["facts"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
            Assert.Equal(2 * rounds, facts.Distinct().Count());
            var history = await one.Store.HistoryAsync(id, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, 1 + 3 * rounds).Select(i => (long)i), history.Select(t => t.Seq));
            Assert.Equal(rounds, history.Count(t => t.Kind == SessionTransition.Conflict));
            Assert.Equal(state.Document, (await one.ReplayAsync(id, state.Version, CancellationToken.None))!.ToJsonString());
        }
        finally
        {
            await db.DisposeAsync();
            await other.DisposeAsync();
            await cleanup();
        }
    }
}
