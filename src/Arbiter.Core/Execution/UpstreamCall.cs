using Arbiter.Core.Chat;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>What one attempt does at a deployment: a whole completion, or opening a stream up to its first chunk.</summary>
internal abstract class UpstreamCall<T> where T : class
{
    /// <summary>Whether a success keeps the deployment's in-flight count until the result is disposed (streams).</summary>
    public abstract bool HoldsLoad { get; }

    /// <summary>The attempt's timeout: first byte for streams, the whole call otherwise.</summary>
    public abstract TimeSpan TimeoutOf(ChatExecutor executor);

    /// <param name="attemptToken">Cancelled by the attempt's timeout, the request's total timeout, or the caller.</param>
    public abstract ValueTask<T> CallAsync(ChatExecutor executor, ChatRequest request, Deployment deployment, CancellationToken caller, CancellationToken attemptToken);

    /// <summary>Called once a call has returned its result, before anything else looks at it.</summary>
    public virtual void Answered(ChatExecutor executor, Deployment deployment, T result) { }

    /// <summary>Whether the answer is a refusal under the provider's content policy (finish reason content_filter).</summary>
    public abstract bool IsRefusal(T result);

    /// <summary>Releases a result that will not be used (a hedged call that lost).</summary>
    public abstract ValueTask DiscardAsync(T result);
}
