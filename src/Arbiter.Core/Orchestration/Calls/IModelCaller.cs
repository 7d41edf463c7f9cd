using Arbiter.Core.Chat;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>Makes one call to a model or route on behalf of a composite request (an ensemble member, a chain step, a worker).</summary>
public interface IModelCaller
{
    /// <param name="target">A configured model or route name.</param>
    /// <param name="role">What the call is for, kept in the trace ("member", "supervisor", "step:extract" ...).</param>
    Task<ModelCall> CallAsync(ChatRequest request, string target, string role, CancellationToken cancellationToken);

    /// <summary>An upper bound on what the call would cost (USD), for the governor; null when the target is unpriced.</summary>
    decimal? EstimateCost(ChatRequest request, string target);
}
