using System.Collections.Concurrent;
using Arbiter.Core.Keys;

namespace Arbiter.Core.Budgets;

/// <summary>Every key's and team's <see cref="ScopeLedger"/>, created on first use; rebuilt from the request log at start-up.</summary>
public sealed class SpendLedger(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ScopeLedger> _scopes = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    /// <summary>Requests made without a key (authentication off) share this scope for the extra-call cap.</summary>
    public ScopeLedger Anonymous { get; } = new("requests without a key");

    public ScopeLedger ForKey(VirtualKey key) =>
        _scopes.GetOrAdd("k:" + key.Id, static (_, k) => new ScopeLedger($"key '{k.Name}' ({k.Id})"), key);

    public ScopeLedger ForTeam(string team) =>
        _scopes.GetOrAdd("t:" + team, static (_, t) => new ScopeLedger($"team '{t}'"), team);

    public ScopeLedger? FindKey(string keyId) => _scopes.GetValueOrDefault("k:" + keyId);
    public ScopeLedger? FindTeam(string team) => _scopes.GetValueOrDefault("t:" + team);

    /// <summary>Adds spend read back from the store (this month's, by key and team and day).</summary>
    public void Restore(IEnumerable<SpendTotal> totals, Func<string, VirtualKey?> keyById)
    {
        var now = time.GetUtcNow();
        foreach (var t in totals)
        {
            if (t.KeyId is { } id && keyById(id) is { } key) ForKey(key).AddHistoricSpend(t.Day, t.CostUsd, now);
            if (t.Team is { } team) ForTeam(team).AddHistoricSpend(t.Day, t.CostUsd, now);
        }
    }
}
