using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Arbiter.Core.Keys;

/// <summary>SHA-256 of a presented key, hashed without allocating (the bearer token arrives on every request).</summary>
public static class KeyHash
{
    public const int Size = 32;
    /// <summary>Longer tokens are not keys Arbiter issued; they are refused without hashing.</summary>
    public const int MaxKeyChars = 256;

    /// <returns>False when the text is too long to be a key.</returns>
    public static bool TryCompute(ReadOnlySpan<char> key, Span<byte> hash)
    {
        if (key.Length > MaxKeyChars) return false;
        Span<byte> utf8 = stackalloc byte[MaxKeyChars * 3];
        var n = Encoding.UTF8.GetBytes(key, utf8);
        SHA256.HashData(utf8[..n], hash);
        return true;
    }

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    public static string HexOf(string key)
    {
        Span<byte> hash = stackalloc byte[Size];
        if (!TryCompute(key, hash)) throw new ArgumentException("key too long", nameof(key));
        return ToHex(hash);
    }
}
