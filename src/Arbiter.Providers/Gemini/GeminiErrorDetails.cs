using System.Globalization;
using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Refines the generic upstream error with what Google puts in <c>error.details</c> rather than in headers or
/// status codes: the wait of a 429 (<c>google.rpc.RetryInfo</c>, no Retry-After header) and an invalid key, which
/// Gemini reports as HTTP 400 with reason <c>API_KEY_INVALID</c> rather than 401.
/// </summary>
internal static class GeminiErrorDetails
{
    public static ArbiterError Refine(ArbiterError error, string body, string provider)
    {
        if (!TryGetDetails(body, out var details)) return error;
        TimeSpan? retryDelay = null;
        var badKey = false;
        foreach (var d in details.EnumerateArray())
        {
            var type = LenientJson.Str(d, "@type") ?? "";
            if (type.EndsWith("google.rpc.RetryInfo", StringComparison.Ordinal)) retryDelay = ParseDuration(LenientJson.Str(d, "retryDelay"));
            else if (type.EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal)
                && LenientJson.Str(d, "reason") is { } reason && reason.StartsWith("API_KEY_", StringComparison.Ordinal)) badKey = true;
        }
        if (badKey && error.Kind != ErrorKind.UpstreamAuth)
        {
            error = new ArbiterError(ErrorKind.UpstreamAuth,
                $"provider '{provider}' rejected the gateway's credentials (HTTP {error.UpstreamStatus}); check its api_key")
            {
                Provider = provider,
                UpstreamStatus = error.UpstreamStatus,
                RetryAfter = error.RetryAfter,
            };
        }
        if (retryDelay is not null && error.RetryAfter is null) error = error with { RetryAfter = retryDelay };
        return error;
    }

    private static bool TryGetDetails(string body, out JsonElement details)
    {
        details = default;
        if (string.IsNullOrWhiteSpace(body)) return false;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = GeminiJson.Unwrap(doc.RootElement);
            if (!LenientJson.TryGetObject(root, "error", out var e) || !LenientJson.TryGetArray(e, "details", out var d)) return false;
            details = d.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A protobuf Duration in JSON: seconds with an "s" suffix, e.g. "7s" or "1.5s".</summary>
    private static TimeSpan? ParseDuration(string? value)
    {
        if (value is null || !value.EndsWith('s')) return null;
        return double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds) : null;
    }
}
