using Arbiter.Core.Errors;
using Arbiter.Core.Resilience;

namespace Arbiter.Core.Execution;

/// <summary>
/// One call to one model at one deployment: which, how long, and how it ended (null error = success). A deployment
/// passed over without a call (circuit open, at its rate limit, context window too small) is recorded too, with
/// <see cref="Skipped"/> saying why and a zero duration.
/// </summary>
public sealed record Attempt(string Model, string Provider, TimeSpan Duration, ArbiterError? Error)
{
    public bool Succeeded => Error is null;
    /// <summary>The deployment's name within its model (the provider's name unless configured).</summary>
    public string? Deployment { get; init; }
    /// <summary>0 for the first call to this deployment in the request, 1 for its first retry, ...</summary>
    public int Retry { get; init; }
    /// <summary>Why no call was made (<c>circuit_open</c>, <c>rate_limit</c>, <c>context_window</c>); null for a real call.</summary>
    public string? Skipped { get; init; }
    /// <summary>The error's class (<see cref="ErrorClasses"/>), as retries and fallbacks see it; null on success.</summary>
    public string? ErrorClass => Error is null ? null : ErrorClasses.Of(Error.Kind);
    /// <summary>
    /// What the call was for when not for the request's own answer: <see cref="AttemptPurposes.Judge"/> for a cascade
    /// judge's call. Null for a call that could answer the request. A failed call only falls back to a later call
    /// with the same purpose.
    /// </summary>
    public string? Purpose { get; init; }
}
