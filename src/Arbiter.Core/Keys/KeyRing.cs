using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Arbiter.Core.Keys;

/// <summary>
/// The active keys and the teams, in memory, for the per-request check: one SHA-256 of the presented key and one
/// dictionary lookup, then a constant-time comparison of the digests. Replaced whole (one reference swap) when the
/// store changes; requests never wait on the store or on a lock.
/// </summary>
public sealed class KeyRing
{
    private sealed record Snapshot(FrozenDictionary<string, VirtualKey> ByHash, FrozenDictionary<string, Team> Teams);

    private volatile Snapshot _snapshot = new(FrozenDictionary<string, VirtualKey>.Empty, FrozenDictionary<string, Team>.Empty);

    public int ActiveKeys => _snapshot.ByHash.Count;

    public void Replace(IEnumerable<VirtualKey> keys, IEnumerable<Team> teams) =>
        _snapshot = new Snapshot(
            keys.Where(k => k.IsActive).ToFrozenDictionary(k => k.Hash, StringComparer.Ordinal),
            teams.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal));

    public bool TryAuthenticate(ReadOnlySpan<char> presented, out VirtualKey key, out Team? team)
    {
        key = null!;
        team = null;
        Span<byte> hash = stackalloc byte[KeyHash.Size];
        if (!KeyHash.TryCompute(presented, hash)) return false;
        Span<char> hex = stackalloc char[KeyHash.Size * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        var snapshot = _snapshot;
        var lookup = snapshot.ByHash.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(hex, out var found)) return false;
        // The lookup found it by digest; compare the whole digest in constant time before trusting it.
        Span<byte> stored = stackalloc byte[KeyHash.Size];
        Convert.FromHexString(found.Hash, stored, out _, out _);
        if (!CryptographicOperations.FixedTimeEquals(stored, hash)) return false;
        key = found;
        team = found.Team is { } name && snapshot.Teams.TryGetValue(name, out var t) ? t : null;
        return true;
    }

    public Team? TeamNamed(string name) => _snapshot.Teams.GetValueOrDefault(name);
}
