namespace Arbiter.Core.Keys;

/// <summary>Where keys and teams are kept (memory, SQLite, PostgreSQL). Read at start-up and after each change, never per request.</summary>
public interface IKeyStore
{
    Task<IReadOnlyList<VirtualKey>> LoadKeysAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<Team>> LoadTeamsAsync(CancellationToken cancellationToken);
    /// <summary>Inserts the key, or replaces the one with the same id.</summary>
    Task SaveKeyAsync(VirtualKey key, CancellationToken cancellationToken);
    Task SaveTeamAsync(Team team, CancellationToken cancellationToken);
    /// <returns>False when no such team.</returns>
    Task<bool> DeleteTeamAsync(string name, CancellationToken cancellationToken);
}
