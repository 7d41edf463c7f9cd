using System.Data.Common;
using Arbiter.Core.Keys;

namespace Arbiter.Storage;

/// <summary>Virtual keys (their SHA-256 and prefix only, never the key) and teams in SQL.</summary>
public sealed class SqlKeyStore(SqlDatabase database) : IKeyStore
{
    public async Task<IReadOnlyList<VirtualKey>> LoadKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, key_hash, key_prefix, team, limits, created_at_ms, revoked_at_ms FROM virtual_keys ORDER BY created_at_ms, id";
        var keys = new List<VirtualKey>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            keys.Add(new VirtualKey
            {
                Id = r.GetString(0),
                Name = r.GetString(1),
                Hash = r.GetString(2),
                Prefix = r.GetString(3),
                Team = Sql.String(r, 4),
                Limits = LimitsJson.Read(r.GetString(5)),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(6))),
                RevokedAt = Sql.Long(r, 7) is long revoked ? DateTimeOffset.FromUnixTimeMilliseconds(revoked) : null,
            });
        }
        return keys;
    }

    public async Task<IReadOnlyList<Team>> LoadTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, limits, created_at_ms FROM teams ORDER BY name";
        var teams = new List<Team>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            teams.Add(new Team { Name = r.GetString(0), Limits = LimitsJson.Read(r.GetString(1)), CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(2))) });
        return teams;
    }

    public Task SaveKeyAsync(VirtualKey key, CancellationToken cancellationToken) => ExecuteAsync("""
        INSERT INTO virtual_keys (id, name, key_hash, key_prefix, team, limits, created_at_ms, revoked_at_ms)
        VALUES (@id, @name, @hash, @prefix, @team, @limits, @created, @revoked)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, key_hash = excluded.key_hash, key_prefix = excluded.key_prefix,
            team = excluded.team, limits = excluded.limits, revoked_at_ms = excluded.revoked_at_ms
        """, c =>
    {
        Sql.Add(c, "id", key.Id);
        Sql.Add(c, "name", key.Name);
        Sql.Add(c, "hash", key.Hash);
        Sql.Add(c, "prefix", key.Prefix);
        Sql.Add(c, "team", key.Team);
        Sql.Add(c, "limits", LimitsJson.Write(key.Limits));
        Sql.Add(c, "created", key.CreatedAt.ToUnixTimeMilliseconds());
        Sql.Add(c, "revoked", key.RevokedAt?.ToUnixTimeMilliseconds());
    }, cancellationToken);

    public Task SaveTeamAsync(Team team, CancellationToken cancellationToken) => ExecuteAsync("""
        INSERT INTO teams (name, limits, created_at_ms) VALUES (@name, @limits, @created)
        ON CONFLICT (name) DO UPDATE SET limits = excluded.limits
        """, c =>
    {
        Sql.Add(c, "name", team.Name);
        Sql.Add(c, "limits", LimitsJson.Write(team.Limits));
        Sql.Add(c, "created", team.CreatedAt.ToUnixTimeMilliseconds());
    }, cancellationToken);

    public async Task<bool> DeleteTeamAsync(string name, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM teams WHERE name = @name", c => Sql.Add(c, "name", name), cancellationToken) > 0;

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
