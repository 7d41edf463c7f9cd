using System.Text.Json.Nodes;
using Arbiter.Core.Orchestration.Sessions;

namespace Arbiter.Core.Tests.Orchestration;

public sealed class SessionTurnsTests
{
    private static SessionEngine Engine(OrchestrationKit kit) => new(new InMemorySessionStore(), new SessionRules(["/constraints"]), kit.Time, new Arbiter.Server.Orchestration.SystemTextJsonPatchApplier());

    /// <summary>The model replies with the message it got and adds it as a fact.</summary>
    private static string Answer(string model, Arbiter.Core.Chat.ChatRequest request)
    {
        var message = OrchestrationKit.LastUser(request);
        return $$"""{"reply":"noted {{message}}","patch":[{"op":"add","path":"/facts/-","value":"{{message}}"}]}""";
    }

    [Fact]
    public async Task TurnAsync_TwoConcurrentTurnsOnOneVersion_OneCommitsTheOtherIsRejectedAndRetriedOnTheNewState()
    {
        var kit = new OrchestrationKit(Answer);
        var sessions = Engine(kit);
        var id = (await sessions.CreateAsync(SessionRules.NewDocument(null, out _)!, "test", default)).Id;
        // Both turns' first calls are held until both have read version 1.
        var bothAsked = new TaskCompletionSource();
        var asked = 0;
        kit.Provider.Before = async (_, _, ct) =>
        {
            if (Interlocked.Increment(ref asked) == 2) bothAsked.SetResult();
            await bothAsked.Task.WaitAsync(ct);
        };
        var turns = new SessionTurns(sessions, kit.Calls, maxConflictRetries: 2);

        var results = await Task.WhenAll(
            turns.TurnAsync(id, "alpha", "cheap", kit.Budget(), default),
            turns.TurnAsync(id, "beta", "cheap", kit.Budget(), default));

        Assert.All(results, r => Assert.Equal(SessionTransition.Committed, r.PatchStatus));
        Assert.Equal(1, results.Sum(r => r.Conflicts));
        var retried = results.Single(r => r.Conflicts == 1);
        // The retried turn was asked again and saw the other turn's fact in the state.
        var state = await sessions.Store.GetAsync(id, default);
        Assert.Equal(3, state!.Version);
        Assert.Equal(2, JsonNode.Parse(state.Document)!["facts"]!.AsArray().Count);
        var history = await sessions.Store.HistoryAsync(id, default);
        Assert.Equal([SessionTransition.Created, SessionTransition.Committed, SessionTransition.Conflict, SessionTransition.Committed], history.Select(t => t.Kind));
        Assert.Equal(1, history[2].BaseVersion);
        Assert.Equal(3, kit.Provider.Calls("cheap"));
        var lastRequest = kit.Provider.Requests.Last().Request;
        Assert.Contains("version 2", OrchestrationKit.System(lastRequest));
        Assert.Equal(2, retried.Trace.Calls.Count);
    }

    [Fact]
    public async Task PatchAsync_ReadOnlyOrForbiddenContent_RejectedAndRecordedStateUnchanged()
    {
        var kit = new OrchestrationKit(Answer);
        var sessions = Engine(kit);
        var doc = SessionRules.NewDocument(JsonNode.Parse("""{"constraints":[{"rule":"forbid","text":"password"},{"rule":"max_items","path":"/decisions","max":1}]}"""), out _)!;
        var id = (await sessions.CreateAsync(doc, "test", default)).Id;

        var readOnly = await sessions.PatchAsync(id, 1, [new PatchOperation("remove", "/constraints/0", null)], "m", default);
        var forbidden = await sessions.PatchAsync(id, 1, [new PatchOperation("add", "/facts/-", JsonValue.Create("the password is hunter2"))], "m", default);
        var ok = await sessions.PatchAsync(id, 1, [new PatchOperation("add", "/decisions/-", JsonValue.Create("ship it"))], "m", default);
        var tooMany = await sessions.PatchAsync(id, 2, [new PatchOperation("add", "/decisions/-", JsonValue.Create("and more"))], "m", default);
        var stale = await sessions.PatchAsync(id, 1, [new PatchOperation("add", "/facts/-", JsonValue.Create("late"))], "m", default);

        Assert.Equal(SessionTransition.Rejected, readOnly.Status);
        Assert.Contains("read-only", readOnly.Reason);
        Assert.Equal(SessionTransition.Rejected, forbidden.Status);
        Assert.Equal(SessionTransition.Committed, ok.Status);
        Assert.Equal(SessionTransition.Rejected, tooMany.Status);
        Assert.Equal(SessionTransition.Conflict, stale.Status);
        Assert.Equal(2, stale.State!.Version);
        var history = await sessions.Store.HistoryAsync(id, default);
        Assert.Equal(6, history.Count);
        // Replaying the history rebuilds each version exactly.
        Assert.Equal(doc.ToJsonString(), (await sessions.ReplayAsync(id, 1, default))!.ToJsonString());
        Assert.Equal((await sessions.Store.GetAsync(id, default))!.Document, (await sessions.ReplayAsync(id, 2, default))!.ToJsonString());
    }
}
