namespace Arbiter.Core.Keys;

/// <summary>
/// A client key as stored: never the key itself, only its SHA-256 (<see cref="Hash"/>) and a short
/// <see cref="Prefix"/> to recognise it by in lists and logs.
/// </summary>
public sealed record VirtualKey
{
    /// <summary>Stable id (<c>key_...</c>) used in the request log, spend reports and the admin API.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>SHA-256 of the key's UTF-8 bytes, lowercase hex.</summary>
    public required string Hash { get; init; }
    /// <summary>The first characters of the key (<c>sk-arb-AbCd</c>), safe to show.</summary>
    public required string Prefix { get; init; }
    public string? Team { get; init; }
    public KeyLimits Limits { get; init; } = KeyLimits.None;
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the key was revoked (or replaced by a rotation); a revoked key authenticates nothing.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive => RevokedAt is null;
}
