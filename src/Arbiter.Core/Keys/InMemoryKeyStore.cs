using System.Collections.Concurrent;

namespace Arbiter.Core.Keys;

/// <summary>Keys and teams in memory (<c>storage.type: memory</c>, tests): lost on restart.</summary>
public sealed class InMemoryKeyStore : IKeyStore
{
    private readonly ConcurrentDictionary<string, VirtualKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Team> _teams = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<VirtualKey>> LoadKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VirtualKey>>(_keys.Values.OrderBy(k => k.CreatedAt).ToList());

    public Task<IReadOnlyList<Team>> LoadTeamsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Team>>(_teams.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());

    public Task SaveKeyAsync(VirtualKey key, CancellationToken cancellationToken)
    {
        _keys[key.Id] = key;
        return Task.CompletedTask;
    }

    public Task SaveTeamAsync(Team team, CancellationToken cancellationToken)
    {
        _teams[team.Name] = team;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteTeamAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_teams.TryRemove(name, out _));
}
