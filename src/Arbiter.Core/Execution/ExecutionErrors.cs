using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Arbiter.Core.Execution;

/// <summary>The errors the executor itself reports: timeouts, skipped deployments, and any exception turned into an <see cref="ArbiterError"/>.</summary>
internal static class ExecutionErrors
{
    public static ArbiterException Timeout(Deployment d, TimeSpan after, Exception? inner = null) =>
        new ArbiterError(ErrorKind.UpstreamTimeout, $"provider '{d.Provider.Name}' did not answer within {Seconds(after)}") { Provider = d.Provider.Name }.ToException(inner);

    public static ArbiterError Of(Exception ex, Deployment d) => ex switch
    {
        ArbiterException ae => ae.Error,
        TimeoutRejectedException t => new ArbiterError(ErrorKind.UpstreamTimeout,
            $"provider '{d.Provider.Name}' did not answer within {Seconds(t.Timeout)}") { Provider = d.Provider.Name },
        BrokenCircuitException b => CircuitOpen(d, b.RetryAfter),
        OperationCanceledException => new ArbiterError(ErrorKind.UpstreamTimeout, $"provider '{d.Provider.Name}' did not answer in time") { Provider = d.Provider.Name },
        _ => new ArbiterError(ErrorKind.UpstreamError, $"provider '{d.Provider.Name}' failed ({ex.GetType().Name})") { Provider = d.Provider.Name },
    };

    /// <summary>An unexpected exception with no deployment to name.</summary>
    public static ArbiterError Of(Exception ex) => ex is ArbiterException ae ? ae.Error
        : new ArbiterError(ErrorKind.UpstreamError, $"the upstream call failed ({ex.GetType().Name})");

    public static ArbiterError CircuitOpen(Deployment d, TimeSpan? retryAfter) =>
        new(ErrorKind.UpstreamUnavailable, $"deployment '{d.Label}' is cooling down after repeated failures (circuit open)")
        { Provider = d.Provider.Name, Code = "circuit_open", RetryAfter = retryAfter };

    public static ArbiterError AtRateLimit(Deployment d, TimeSpan retryAfter) =>
        new(ErrorKind.RateLimited, $"deployment '{d.Label}' is at its configured rate limit") { Provider = d.Provider.Name, RetryAfter = retryAfter };

    public static ArbiterError WindowTooSmall(ModelEntry m, long estimate, int window) =>
        new(ErrorKind.ContextWindowExceeded,
            $"the prompt (about {estimate} tokens) does not fit the context window of model '{m.Name}' ({window} tokens)") { Param = "messages" };

    public static ArbiterException Refused(Deployment d) =>
        new ArbiterError(ErrorKind.ContentFiltered, $"provider '{d.Provider.Name}' refused to answer under its content policy (finish_reason content_filter)")
        { Provider = d.Provider.Name }.ToException();

    public static ArbiterError HedgeLost(Deployment d) =>
        new(ErrorKind.UpstreamTimeout, $"cancelled: a hedged call answered first") { Provider = d.Provider.Name, Code = "hedge_lost" };

    public static ArbiterError TotalTimeout(TimeSpan total) =>
        new(ErrorKind.UpstreamTimeout, $"no model answered within {Seconds(total)} (resilience.timeouts.total_seconds)");

    public static readonly ArbiterError NoCandidates = new(ErrorKind.Internal, "the route has no model to try");

    private static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s" : "its timeout";
}
