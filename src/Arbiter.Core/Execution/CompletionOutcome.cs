using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>How a non-streamed request ended: an answer from <see cref="Model"/>, or the last error; always with every attempt.</summary>
public sealed record CompletionOutcome(
    ChatResponse? Response, ModelEntry? Model, ArbiterError? Error, IReadOnlyList<Attempt> Attempts, TimeSpan UpstreamTime)
{
    /// <summary>The deployment that answered.</summary>
    public Deployment? Deployment { get; init; }
}
