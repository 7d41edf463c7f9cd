namespace Arbiter.Core.Orchestration.Sessions;

/// <summary>Where sessions and their histories live (memory, SQLite, PostgreSQL). Commits are compare-and-set on the version.</summary>
public interface ISessionStore
{
    Task CreateAsync(SessionState session, SessionTransition created, CancellationToken cancellationToken);

    Task<SessionState?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the session from <paramref name="expectedVersion"/> to expectedVersion + 1 with <paramref name="document"/> and
    /// records <paramref name="transition"/>, atomically; false (nothing written) when the session is no longer at
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    Task<bool> TryCommitAsync(string id, long expectedVersion, string document, SessionTransition transition, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a transition that did not change the state (rejected, conflict).</summary>
    Task AppendAsync(SessionTransition transition, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionTransition>> HistoryAsync(string id, CancellationToken cancellationToken);
}
