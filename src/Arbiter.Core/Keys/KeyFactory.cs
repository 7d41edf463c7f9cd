using System.Security.Cryptography;

namespace Arbiter.Core.Keys;

/// <summary>
/// Issues keys: <c>sk-arb-</c> and 32 random bytes (base64url), drawn from the OS's cryptographic generator (the one
/// place randomness is not a seeded source: keys must be unguessable). Tests may pass their own filler.
/// </summary>
public sealed class KeyFactory(TimeProvider time, Action<Span<byte>>? fill = null)
{
    public const string KeyPrefix = "sk-arb-";
    /// <summary>Characters of the key kept in the clear for recognition: the prefix and four random ones.</summary>
    public const int ShownChars = 11;

    private readonly Action<Span<byte>> _fill = fill ?? RandomNumberGenerator.Fill;

    /// <summary>A new key: the plaintext (shown once, to the caller) and its stored form.</summary>
    public (string Plaintext, VirtualKey Key) Create(string name, string? team, KeyLimits limits, string? id = null)
    {
        var plaintext = NewSecret();
        var key = new VirtualKey
        {
            Id = id ?? NewId(),
            Name = name,
            Hash = KeyHash.HexOf(plaintext),
            Prefix = plaintext[..ShownChars],
            Team = team,
            Limits = limits,
            CreatedAt = time.GetUtcNow(),
        };
        return (plaintext, key);
    }

    private string NewSecret()
    {
        Span<byte> bytes = stackalloc byte[32];
        _fill(bytes);
        return KeyPrefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        _fill(bytes);
        return "key_" + Convert.ToHexStringLower(bytes);
    }
}
