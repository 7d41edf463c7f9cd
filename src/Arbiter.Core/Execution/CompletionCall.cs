using Arbiter.Core.Chat;
using Arbiter.Core.Models;

namespace Arbiter.Core.Execution;

/// <summary>A non-streamed call: the answer is complete when the call returns.</summary>
internal sealed class CompletionCall : UpstreamCall<ChatResponse>
{
    public static readonly CompletionCall Instance = new();

    public override TimeSpan TimeoutOf(ChatExecutor executor) => executor.CallTimeout;
    public override bool HoldsLoad => false;

    // Not async: the provider's task is the call (one async frame less per request); its tokens are counted in Answered.
    public override ValueTask<ChatResponse> CallAsync(ChatExecutor executor, ChatRequest request, Deployment deployment,
        CancellationToken caller, CancellationToken attemptToken) =>
        deployment.Provider.CompleteAsync(request, deployment.UpstreamModel, attemptToken);

    public override void Answered(ChatExecutor executor, Deployment deployment, ChatResponse result)
    {
        if (result.Usage is { } usage) deployment.Load.CountTokens(executor.Time.GetUtcNow(), usage.OutputTokens);
    }

    public override bool IsRefusal(ChatResponse result) => result.Choices is [{ FinishReason: FinishReason.ContentFilter }, ..];

    public override ValueTask DiscardAsync(ChatResponse result) => default;
}
