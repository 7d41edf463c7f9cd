using System.Text.Json.Nodes;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>
/// Sessions with a shared, versioned state document. A patch is validated against the session's rules and committed
/// only on the version it was made against (optimistic concurrency: a patch on an old version is rejected and
/// recorded, never merged). Every transition is recorded, so any version can be rebuilt by replaying the history.
/// </summary>
public sealed class SessionEngine(ISessionStore store, SessionRules rules, TimeProvider time, IPatchApplier patcher)
{
    public ISessionStore Store => store;
    public SessionRules Rules => rules;

    public async Task<SessionState> CreateAsync(JsonObject document, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = "sess_" + Guid.CreateVersion7(now).ToString("N");
        var json = document.ToJsonString();
        var state = new SessionState(id, 1, json, now, now);
        await store.CreateAsync(state, new SessionTransition(id, 1, SessionTransition.Created, 1, 0, null, actor, null, now) { Document = json }, ct).ConfigureAwait(false);
        return state;
    }

    /// <summary>Validates <paramref name="ops"/> on the state at <paramref name="baseVersion"/> and commits it only if the session is still there.</summary>
    public async Task<PatchOutcome> PatchAsync(string id, long baseVersion, IReadOnlyList<PatchOperation> ops, string actor, CancellationToken ct)
    {
        var state = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (state is null) return new PatchOutcome(PatchOutcome.NotFound, null, $"no session '{id}'");
        var patch = JsonPatch.ToJson(ops).ToJsonString();
        var now = time.GetUtcNow();
        if (state.Version != baseVersion)
            return await RefuseAsync(SessionTransition.Conflict, state, baseVersion, patch, actor,
                $"made against version {baseVersion}, the session is at {state.Version}", now, ct).ConfigureAwait(false);
        var after = patcher.Apply(JsonNode.Parse(state.Document)!, ops, out var error);
        var broken = error ?? rules.Check(ops, after!);
        if (broken is not null)
            return await RefuseAsync(SessionTransition.Rejected, state, baseVersion, patch, actor, broken, now, ct).ConfigureAwait(false);
        var transition = new SessionTransition(id, 0, SessionTransition.Committed, baseVersion + 1, baseVersion, patch, actor, null, now);
        if (await store.TryCommitAsync(id, baseVersion, after!.ToJsonString(), transition, now, ct).ConfigureAwait(false))
            return new PatchOutcome(SessionTransition.Committed, await store.GetAsync(id, ct).ConfigureAwait(false), null);
        // Another patch committed between our read and our write: same as a stale base version.
        var current = await store.GetAsync(id, ct).ConfigureAwait(false);
        return await RefuseAsync(SessionTransition.Conflict, current!, baseVersion, patch, actor,
            $"made against version {baseVersion}, another patch committed first", now, ct).ConfigureAwait(false);
    }

    /// <summary>The document at <paramref name="version"/>, rebuilt from the history alone; null when the session or version does not exist.</summary>
    public async Task<JsonNode?> ReplayAsync(string id, long version, CancellationToken ct)
    {
        JsonNode? doc = null;
        long at = 0;
        foreach (var t in await store.HistoryAsync(id, ct).ConfigureAwait(false))
        {
            if (t.Kind == SessionTransition.Created) (doc, at) = (JsonNode.Parse(t.Document!), t.Version);
            else if (t.Kind == SessionTransition.Committed && doc is not null && t.Version <= version)
            {
                doc = patcher.Apply(doc, JsonPatch.Parse(JsonNode.Parse(t.Patch!), out _)!, out var error)
                    ?? throw new InvalidOperationException($"session {id}: committed patch {t.Seq} does not replay: {error}");
                at = t.Version;
            }
        }
        return at == version ? doc : null;
    }

    private async Task<PatchOutcome> RefuseAsync(string kind, SessionState state, long baseVersion, string patch, string actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await store.AppendAsync(new SessionTransition(state.Id, 0, kind, state.Version, baseVersion, patch, actor, reason, now), ct).ConfigureAwait(false);
        return new PatchOutcome(kind, state, reason);
    }
}
