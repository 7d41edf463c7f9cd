namespace Arbiter.Core.Config;

/// <summary>
/// Virtual keys. Without <see cref="MasterKey"/> authentication is off: every request is served without a key and
/// the admin API answers 403. With it, every /v1 request needs <c>Authorization: Bearer &lt;virtual key&gt;</c>.
/// </summary>
public sealed record AuthConfig
{
    /// <summary>An <c>env:VARIABLE</c> reference to the admin master key (never the key itself).</summary>
    public string? MasterKey { get; init; }
    /// <summary>How often keys and teams are re-read from the store (changes made by other instances). Default <see cref="ConfigDefaults.KeyRefreshSeconds"/>.</summary>
    public double RefreshSeconds { get; init; } = ConfigDefaults.KeyRefreshSeconds;
}
