namespace Arbiter.Core.Errors;

/// <summary>The one place that decides each error kind's HTTP status and OpenAI error <c>type</c>.</summary>
public static class ErrorCatalog
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidRequest => 400,
        ErrorKind.ContextWindowExceeded => 400,
        ErrorKind.ContentFiltered => 400,
        ErrorKind.UpstreamBadRequest => 400,
        ErrorKind.Unauthorized => 401,
        ErrorKind.Forbidden => 403,
        ErrorKind.ModelNotFound => 404,
        ErrorKind.NotFound => 404,
        ErrorKind.MethodNotAllowed => 405,
        ErrorKind.PayloadTooLarge => 413,
        ErrorKind.RateLimited => 429,
        ErrorKind.UpstreamAuth => 502,
        ErrorKind.UpstreamError => 502,
        ErrorKind.UpstreamUnavailable => 502,
        ErrorKind.UpstreamTimeout => 504,
        _ => 500,
    };

    /// <summary>OpenAI's error <c>type</c> string for the kind.</summary>
    public static string TypeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidRequest or ErrorKind.ModelNotFound or ErrorKind.NotFound or ErrorKind.MethodNotAllowed or ErrorKind.PayloadTooLarge
            or ErrorKind.ContextWindowExceeded or ErrorKind.ContentFiltered or ErrorKind.UpstreamBadRequest
            => "invalid_request_error",
        ErrorKind.Unauthorized => "authentication_error",
        ErrorKind.Forbidden => "permission_error",
        ErrorKind.RateLimited => "rate_limit_error",
        ErrorKind.Internal => "server_error",
        _ => "upstream_error",
    };

    /// <summary>The default OpenAI error <c>code</c> for a kind, used when the error names none.</summary>
    public static string? DefaultCodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.ModelNotFound => "model_not_found",
        ErrorKind.NotFound => "not_found",
        ErrorKind.MethodNotAllowed => "method_not_allowed",
        ErrorKind.PayloadTooLarge => "payload_too_large",
        ErrorKind.ContextWindowExceeded => "context_length_exceeded",
        ErrorKind.RateLimited => "rate_limit_exceeded",
        ErrorKind.ContentFiltered => "content_filter",
        ErrorKind.Unauthorized => "invalid_api_key",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.UpstreamTimeout => "upstream_timeout",
        ErrorKind.UpstreamUnavailable => "upstream_unavailable",
        ErrorKind.UpstreamAuth => "upstream_auth_failed",
        _ => null,
    };

    /// <summary>Whether trying the same or another deployment could succeed (used by fallbacks).</summary>
    public static bool IsRetryable(ErrorKind kind) => kind is ErrorKind.RateLimited or ErrorKind.UpstreamError
        or ErrorKind.UpstreamTimeout or ErrorKind.UpstreamUnavailable or ErrorKind.UpstreamAuth;
}
