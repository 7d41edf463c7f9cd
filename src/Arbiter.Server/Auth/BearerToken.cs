using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Arbiter.Server.Auth;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (how the OpenAI SDKs send their key) without allocating.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static ReadOnlySpan<char> From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || header[0] is not { } value) return default;
        var span = value.AsSpan().Trim();
        return span.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? span[Scheme.Length..].Trim() : default;
    }
}
