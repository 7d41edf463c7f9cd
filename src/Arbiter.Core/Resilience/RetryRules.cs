using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Polly.Timeout;

namespace Arbiter.Core.Resilience;

/// <summary>Whether a failed call is tried again on the same deployment: by its error class's count, and never past a long Retry-After.</summary>
internal sealed class RetryRules
{
    private readonly int _rateLimited, _upstreamError, _unavailable, _timeout, _auth;
    private readonly TimeSpan _maxRetryAfter;

    public RetryRules(RetryConfig config)
    {
        int Count(string cls) => config.PerError is { } p && p.TryGetValue(cls, out var n) ? n : ConfigDefaults.RetriesPerErrorClass[cls];
        _rateLimited = Count(ErrorClasses.RateLimited);
        _upstreamError = Count(ErrorClasses.UpstreamError);
        _unavailable = Count(ErrorClasses.UpstreamUnavailable);
        _timeout = Count(ErrorClasses.UpstreamTimeout);
        _auth = Count(ErrorClasses.UpstreamAuth);
        MaxRetries = Math.Max(Math.Max(Math.Max(_rateLimited, _upstreamError), Math.Max(_unavailable, _timeout)), _auth);
        _maxRetryAfter = TimeSpan.FromSeconds(config.MaxRetryAfterSeconds);
    }

    /// <summary>The most retries any class allows (Polly's MaxRetryAttempts); 0 = no retry strategy at all.</summary>
    public int MaxRetries { get; }

    /// <param name="retriesDone">Retries already made on this deployment for this request.</param>
    public bool ShouldRetry(Exception? exception, int retriesDone) => exception switch
    {
        TimeoutRejectedException => retriesDone < _timeout,
        // A 404 is a retired or renamed model: asking the same deployment again cannot help.
        ArbiterException { Error: var e } => retriesDone < Allowed(e.Kind) && !(e.RetryAfter > _maxRetryAfter) && e.UpstreamStatus != 404,
        _ => false,
    };

    private int Allowed(ErrorKind kind) => kind switch
    {
        ErrorKind.RateLimited => _rateLimited,
        ErrorKind.UpstreamError => _upstreamError,
        ErrorKind.UpstreamUnavailable => _unavailable,
        ErrorKind.UpstreamTimeout => _timeout,
        ErrorKind.UpstreamAuth => _auth,
        _ => 0,
    };
}
