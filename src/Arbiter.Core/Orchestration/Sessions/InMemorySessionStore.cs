using System.Collections.Concurrent;

namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>Sessions in memory (tests, <c>storage: memory</c>): one lock per session, so sessions never wait on each other.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public Task CreateAsync(SessionState session, SessionTransition created, CancellationToken cancellationToken)
    {
        if (!_sessions.TryAdd(session.Id, new Entry(session, [created with { Seq = 1 }])))
            throw new InvalidOperationException($"session {session.Id} exists");
        return Task.CompletedTask;
    }

    public Task<SessionState?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(id, out var e)) return Task.FromResult<SessionState?>(null);
        lock (e) return Task.FromResult<SessionState?>(e.State);
    }

    public Task<bool> TryCommitAsync(string id, long expectedVersion, string document, SessionTransition transition, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var e = _sessions[id];
        lock (e)
        {
            if (e.State.Version != expectedVersion) return Task.FromResult(false);
            e.State = e.State with { Version = expectedVersion + 1, Document = document, UpdatedAt = at };
            e.History.Add(transition with { Seq = e.History.Count + 1, Version = expectedVersion + 1 });
            return Task.FromResult(true);
        }
    }

    public Task AppendAsync(SessionTransition transition, CancellationToken cancellationToken)
    {
        var e = _sessions[transition.SessionId];
        lock (e) e.History.Add(transition with { Seq = e.History.Count + 1 });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SessionTransition>> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        if (!_sessions.TryGetValue(id, out var e)) return Task.FromResult<IReadOnlyList<SessionTransition>>([]);
        lock (e) return Task.FromResult<IReadOnlyList<SessionTransition>>(e.History.ToList());
    }

    private sealed class Entry(SessionState state, List<SessionTransition> history)
    {
        public SessionState State { get; set; } = state;
        public List<SessionTransition> History { get; } = history;
    }
}
