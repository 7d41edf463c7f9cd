using Arbiter.Core.Ids;

namespace Arbiter.Server.Http;

/// <summary>Request ids: the client's own x-request-id when it is short and printable, else a new time-ordered one.</summary>
internal static class RequestIds
{
    public static string From(string? clientValue)
    {
        if (clientValue is { Length: > 0 and <= 128 } && IsPrintable(clientValue)) return clientValue;
        return string.Create(4 + TimeOrderedId.Length, DateTimeOffset.UtcNow, static (chars, at) =>
        {
            "req_".CopyTo(chars);
            TimeOrderedId.Format(at, chars[4..]);
        });
    }

    private static bool IsPrintable(string s)
    {
        foreach (var c in s) if (c is < '!' or > '~') return false;
        return true;
    }
}
