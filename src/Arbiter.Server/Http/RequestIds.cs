namespace Arbiter.Server.Http;

/// <summary>Request ids: the client's own x-request-id when it is short and printable, else a new time-ordered one.</summary>
internal static class RequestIds
{
    public static string From(string? clientValue)
    {
        if (clientValue is { Length: > 0 and <= 128 } && IsPrintable(clientValue)) return clientValue;
        return "req_" + Guid.CreateVersion7().ToString("N");
    }

    private static bool IsPrintable(string s)
    {
        foreach (var c in s) if (c is < '!' or > '~') return false;
        return true;
    }
}
