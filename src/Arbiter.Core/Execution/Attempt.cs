using Arbiter.Core.Errors;

namespace Arbiter.Core.Execution;

/// <summary>One call to one model: which, how long, and how it ended (null error = success).</summary>
public sealed record Attempt(string Model, string Provider, TimeSpan Duration, ArbiterError? Error)
{
    public bool Succeeded => Error is null;
}
