using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Arbiter.Core.Ids;

/// <summary>
/// UUIDv7 ids (48-bit Unix milliseconds, then random bits) as 32 lowercase hex digits, sortable by time. The random
/// bits come from the operating system's cryptographic generator, drawn a block at a time per thread:
/// <see cref="Guid.CreateVersion7()"/> reads /dev/urandom with a system call per id on Linux, and two ids a request
/// (its id, its log row) made that a cost paid per request. On Linux the block is read from /dev/urandom directly;
/// <see cref="RandomNumberGenerator"/> would load OpenSSL (3 MB resident) and make a getpid call per fill.
/// </summary>
public static class TimeOrderedId
{
    public const int Length = 32;
    private const int RandomBytes = 10;
    private const int BlockIds = 256; // one read of 2.5 KB per 256 ids: the read's fixed cost showed in the log writer's profile at 32

    [ThreadStatic] private static byte[]? t_random;
    [ThreadStatic] private static int t_used;

    /// <summary>Writes the id for <paramref name="at"/> into <paramref name="destination"/> (at least <see cref="Length"/> chars).</summary>
    public static void Format(DateTimeOffset at, Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[16];
        NextRandom().CopyTo(bytes[6..]);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, ms >>= 8) bytes[i] = (byte)ms;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC 9562 variant
        new Guid(bytes, bigEndian: true).TryFormat(destination, out _, "N");
    }

    private static ReadOnlySpan<byte> NextRandom()
    {
        var block = t_random ??= new byte[RandomBytes * BlockIds];
        if (t_used == 0) Fill(block);
        var offset = t_used * RandomBytes;
        t_used = (t_used + 1) % BlockIds;
        return block.AsSpan(offset, RandomBytes);
    }

    private static readonly SafeFileHandle? Urandom = OperatingSystem.IsLinux() ? File.OpenHandle("/dev/urandom") : null;

    private static void Fill(Span<byte> block)
    {
        if (Urandom is null || RandomAccess.Read(Urandom, block, 0) != block.Length) RandomNumberGenerator.Fill(block);
    }

    public static string New(DateTimeOffset at) => string.Create(Length, at, static (chars, t) => Format(t, chars));

    /// <summary>The Unix milliseconds of an id in this format (32 lowercase hex digits, version 7).</summary>
    public static bool TryReadUnixMs(ReadOnlySpan<char> id, out long unixMs)
    {
        unixMs = 0;
        if (id.Length != Length || id[12] != '7') return false;
        foreach (var c in id)
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f'))) return false;
        foreach (var c in id[..12]) unixMs = (unixMs << 4) | (long)(c <= '9' ? c - '0' : c - 'a' + 10);
        return true;
    }
}
