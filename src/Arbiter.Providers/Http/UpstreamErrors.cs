using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Http;

/// <summary>
/// Turns an upstream's failure (a status code, a broken connection, a timeout, an unreadable body) into an
/// <see cref="ArbiterError"/> that names the provider and never carries a secret.
/// </summary>
internal static class UpstreamErrors
{
    public static async Task<ArbiterException> FromResponseAsync(
        string provider, HttpResponseMessage response, IReadOnlyList<string> secrets, TimeProvider time, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string body;
        try { body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false); }
        catch (Exception) { body = ""; }
        var upstreamMessage = ExtractMessage(body);
        var kind = KindOf(response.StatusCode, upstreamMessage);
        // The upstream's own words help with 400s; for auth failures they may quote part of our key, so never echo them.
        var detail = kind is ErrorKind.UpstreamAuth || string.IsNullOrWhiteSpace(upstreamMessage)
            ? ""
            : ": " + SecretScrubber.Scrub(upstreamMessage, secrets);
        var message = kind switch
        {
            ErrorKind.UpstreamAuth => $"provider '{provider}' rejected the gateway's credentials (HTTP {status}); check its api_key",
            ErrorKind.RateLimited => $"provider '{provider}' is rate limiting requests (HTTP 429){detail}",
            ErrorKind.PayloadTooLarge => $"provider '{provider}' refused the request body as too large (HTTP 413){detail}",
            // Redirects are not followed (upstream hosts come only from configuration): the base URL is likely stale.
            _ when status is >= 300 and < 400 => $"provider '{provider}' answered with a redirect (HTTP {status}), which the gateway does not follow; check its base_url",
            _ => $"provider '{provider}' returned HTTP {status}{detail}",
        };
        return new ArbiterError(kind, message)
        {
            Provider = provider,
            UpstreamStatus = status,
            RetryAfter = RetryAfter.From(response, time),
        }.ToException();
    }

    public static ArbiterException FromException(string provider, Exception ex, CancellationToken requestToken)
    {
        if (ex is ArbiterException ae) return ae;
        if (ex is OperationCanceledException)
        {
            // The caller's own token: the client left, or the executor's timeout fired. The caller decides what
            // that means, so the cancellation goes through unchanged rather than turning into an upstream error.
            if (requestToken.IsCancellationRequested) ExceptionDispatchInfo.Throw(ex);
            return new ArbiterError(ErrorKind.UpstreamTimeout, $"provider '{provider}' did not answer in time") { Provider = provider }.ToException(ex);
        }
        if (ex is HttpRequestException { InnerException: SocketException } or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            return new ArbiterError(ErrorKind.UpstreamUnavailable, $"provider '{provider}' is unreachable ({Describe(ex)})") { Provider = provider }.ToException(ex);
        if (ex is JsonException or InvalidDataException)
            return new ArbiterError(ErrorKind.UpstreamError, $"provider '{provider}' sent an answer that could not be read ({ex.Message})") { Provider = provider }.ToException(ex);
        return new ArbiterError(ErrorKind.UpstreamError, $"provider '{provider}' failed ({Describe(ex)})") { Provider = provider }.ToException(ex);
    }

    /// <summary>
    /// An error the upstream reported inside a stream that had started with HTTP 200 (an Anthropic <c>error</c> event,
    /// an OpenAI or Gemini <c>{"error": ...}</c> chunk), mapped by its type (Anthropic, OpenAI) or status (Gemini).
    /// </summary>
    public static ArbiterException FromStreamError(string provider, string? errorType, string message, IReadOnlyList<string> secrets)
    {
        var kind = StreamErrorKind(errorType) ?? ErrorKind.UpstreamError;
        if (kind == ErrorKind.UpstreamBadRequest) kind = RefineBadRequest(message);
        var prefix = $"provider '{provider}' reported an error mid-stream: " + (string.IsNullOrEmpty(errorType) ? "" : errorType + ": ");
        // As for HTTP auth failures, the upstream's words may quote part of our key: never echo them.
        var text = kind == ErrorKind.UpstreamAuth ? "check its api_key" : SecretScrubber.Scrub(message, secrets);
        return new ArbiterError(kind, prefix + text) { Provider = provider }.ToException();
    }

    /// <summary>Whether <see cref="FromStreamError"/> knows this error type (so a caller can pick between a type and a code).</summary>
    public static bool IsKnownStreamErrorType(string? errorType) => StreamErrorKind(errorType) is not null;

    private static ErrorKind? StreamErrorKind(string? errorType) => errorType switch
    {
        "rate_limit_error" or "rate_limit_exceeded" or "RESOURCE_EXHAUSTED" => ErrorKind.RateLimited,
        "overloaded_error" or "server_error" or "api_error" or "UNAVAILABLE" or "INTERNAL" => ErrorKind.UpstreamError,
        "invalid_request_error" or "INVALID_ARGUMENT" => ErrorKind.UpstreamBadRequest,
        "authentication_error" or "permission_error" or "PERMISSION_DENIED" or "UNAUTHENTICATED" => ErrorKind.UpstreamAuth,
        _ => null,
    };

    private static string Describe(Exception ex) => ex switch
    {
        HttpRequestException { InnerException: SocketException se } => se.SocketErrorCode.ToString(),
        HttpRequestException hre => hre.HttpRequestError.ToString(),
        IOException => "connection lost",
        _ => ex.GetType().Name,
    };

    private static ErrorKind KindOf(HttpStatusCode status, string? message) => (int)status switch
    {
        401 or 403 => ErrorKind.UpstreamAuth,
        // The upstream not knowing the model (retired, renamed) or the path is the gateway's configuration problem, not
        // the client's: a 502 that routes can fall back from, never the client-facing model_not_found.
        404 => ErrorKind.UpstreamError,
        408 or 504 => ErrorKind.UpstreamTimeout,
        // The body was too large for the upstream (Anthropic's request_too_large), which is not a context overflow.
        413 => ErrorKind.PayloadTooLarge,
        429 => ErrorKind.RateLimited,
        400 or 422 => RefineBadRequest(message),
        >= 400 and < 500 => ErrorKind.UpstreamBadRequest,
        _ => ErrorKind.UpstreamError,
    };

    private static ErrorKind RefineBadRequest(string? message) =>
        LooksLikeContextOverflow(message) ? ErrorKind.ContextWindowExceeded
        : LooksLikeContentFilter(message) ? ErrorKind.ContentFiltered
        : ErrorKind.UpstreamBadRequest;

    private static bool LooksLikeContextOverflow(string? m) => m is not null
        && (m.Contains("context length", StringComparison.OrdinalIgnoreCase) || m.Contains("context_length", StringComparison.OrdinalIgnoreCase)
            || m.Contains("prompt is too long", StringComparison.OrdinalIgnoreCase) || m.Contains("too many tokens", StringComparison.OrdinalIgnoreCase));

    // Only clear policy phrases: "safety" alone also appears in ordinary 400s (safety_settings, safety_identifier).
    private static bool LooksLikeContentFilter(string? m) => m is not null
        && (Has(m, "content management policy") || Has(m, "content_filter") || Has(m, "content_policy")
            || Has(m, "responsible AI policy") || (Has(m, "violates") && Has(m, "policy")));

    private static bool Has(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the human message in the error bodies of OpenAI, Anthropic and Gemini (all use error.message).</summary>
    private static string? ExtractMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0) root = root[0]; // Gemini sometimes wraps in []
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("error", out var e))
            {
                if (e.ValueKind == JsonValueKind.String) return e.GetString();
                if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    return m.GetString();
            }
            if (root.TryGetProperty("message", out var msg) && msg.ValueKind == JsonValueKind.String) return msg.GetString();
            return null;
        }
        catch (JsonException)
        {
            return body.Length <= 200 ? body : null; // a plain-text error page: short ones are worth showing
        }
    }
}
