namespace Arbiter.Core.Keys;

/// <summary>A group of keys that share limits and budgets (on top of each key's own).</summary>
public sealed record Team
{
    public required string Name { get; init; }
    public KeyLimits Limits { get; init; } = KeyLimits.None;
    public required DateTimeOffset CreatedAt { get; init; }
}
