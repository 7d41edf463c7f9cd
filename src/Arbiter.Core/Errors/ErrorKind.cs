namespace Arbiter.Core.Errors;

/// <summary>Every expected failure, client's or upstream's. <see cref="ErrorCatalog"/> maps each to an HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>Malformed JSON, a wrong type, a missing or empty field: 400.</summary>
    InvalidRequest,
    /// <summary>No such model or route: 404.</summary>
    ModelNotFound,
    /// <summary>No such endpoint or resource: 404.</summary>
    NotFound,
    /// <summary>A known path asked with a method it does not serve: 405.</summary>
    MethodNotAllowed,
    /// <summary>Missing or wrong key: 401.</summary>
    Unauthorized,
    /// <summary>A valid key that may not do this (a model or route outside its allowed list, the admin API without the master key): 403.</summary>
    Forbidden,
    /// <summary>The body exceeds the configured limit: 413.</summary>
    PayloadTooLarge,
    /// <summary>The prompt does not fit the model's context window: 400.</summary>
    ContextWindowExceeded,
    /// <summary>A limit of the gateway or the upstream was reached: 429, Retry-After passed on.</summary>
    RateLimited,
    /// <summary>The upstream refused the content under its policy: 400.</summary>
    ContentFiltered,
    /// <summary>The upstream rejected our credentials: 502 (the client's key was fine; ours was not).</summary>
    UpstreamAuth,
    /// <summary>The upstream said the request was invalid: 400, with the provider's message.</summary>
    UpstreamBadRequest,
    /// <summary>The upstream failed (5xx, reset, unreadable answer): 502.</summary>
    UpstreamError,
    /// <summary>The upstream did not answer in time: 504.</summary>
    UpstreamTimeout,
    /// <summary>The upstream is not reachable (connection refused, DNS): 502.</summary>
    UpstreamUnavailable,
    /// <summary>A bug in Arbiter: 500. Never a client mistake.</summary>
    Internal,
}
