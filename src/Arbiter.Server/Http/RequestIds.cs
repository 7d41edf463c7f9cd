using Arbiter.Core.Ids;

namespace Arbiter.Server.Http;

/// <summary>Request ids: the client's own x-request-id when it is short and printable, else one the gateway issues.</summary>
internal static class RequestIds
{
    public static string From(string? clientValue) => From(clientValue, DateTimeOffset.UtcNow, out _);

    /// <param name="startedAt">When the request started: an issued id carries it (the request log finds the row by it).</param>
    /// <param name="issued">The gateway made the id: the client sent none, or one it cannot keep.</param>
    public static string From(string? clientValue, DateTimeOffset startedAt, out bool issued)
    {
        issued = !(clientValue is { Length: > 0 and <= 128 } && IsPrintable(clientValue));
        return issued ? IssuedRequestId.New(startedAt) : clientValue!;
    }

    private static bool IsPrintable(string s)
    {
        foreach (var c in s) if (c is < '!' or > '~') return false;
        return true;
    }
}
