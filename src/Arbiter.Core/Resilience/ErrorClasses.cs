using Arbiter.Core.Errors;

namespace Arbiter.Core.Resilience;

/// <summary>
/// The error classes retries, breakers and fallbacks are configured by (<c>resilience.retry.per_error</c>), as
/// snake_case names of <see cref="ErrorKind"/>s.
/// </summary>
public static class ErrorClasses
{
    public const string RateLimited = "rate_limited";
    public const string UpstreamError = "upstream_error";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string UpstreamAuth = "upstream_auth";
    public const string ContextWindow = "context_window";
    public const string ContentPolicy = "content_policy";
    public const string BadRequest = "bad_request";
    public const string Other = "other";

    public static string Of(ErrorKind kind) => kind switch
    {
        ErrorKind.RateLimited => RateLimited,
        ErrorKind.UpstreamError => UpstreamError,
        ErrorKind.UpstreamUnavailable => UpstreamUnavailable,
        ErrorKind.UpstreamTimeout => UpstreamTimeout,
        ErrorKind.UpstreamAuth => UpstreamAuth,
        ErrorKind.ContextWindowExceeded => ContextWindow,
        ErrorKind.ContentFiltered => ContentPolicy,
        ErrorKind.UpstreamBadRequest or ErrorKind.InvalidRequest or ErrorKind.PayloadTooLarge => BadRequest,
        _ => Other,
    };

    /// <summary>Failures of the deployment itself (not of the request): these open its circuit.</summary>
    public static bool IsDeploymentFailure(ErrorKind kind) => kind is ErrorKind.UpstreamError or ErrorKind.UpstreamUnavailable
        or ErrorKind.UpstreamTimeout or ErrorKind.RateLimited or ErrorKind.UpstreamAuth;
}
