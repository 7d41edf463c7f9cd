using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Execution;
using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Routing.Shadow;

/// <summary>
/// Sends a copy of a request to the plan's shadow model after the client has its answer, off the request path,
/// and records both answers side by side as the record <c>{requestId}-shadow</c>. The shadow's answer never
/// reaches the client, and its failure never affects the request.
/// </summary>
public sealed class ShadowRunner(ChatExecutor executor, RequestLogQueue log, TimeProvider time)
{
    public const string RecordSuffix = "-shadow";

    /// <returns>The background work (tests wait on it; the request does not).</returns>
    public Task Mirror(ChatRequest request, RoutePlan plan, string requestId, string? primaryModel, string? primaryAnswer)
    {
        if (plan.Shadow is not { } shadow) return Task.CompletedTask;
        return Task.Run(async () =>
        {
            var started = time.GetUtcNow();
            var copy = request with { Stream = false, StreamIncludeUsage = false };
            try
            {
                var outcome = await executor.CompleteAsync(copy, new RoutePlan(plan.Route, [shadow], $"shadow of {requestId}"), CancellationToken.None).ConfigureAwait(false);
                var response = outcome.Response;
                await log.EnqueueAsync(new RequestRecord
                {
                    RequestId = requestId + RecordSuffix,
                    StartedAt = started,
                    RequestedModel = request.Model,
                    Route = plan.Route,
                    Decision = $"shadow of {requestId} -> {shadow.Name}",
                    ServedModel = shadow.Name,
                    Provider = shadow.Provider.Name,
                    Status = response is null ? outcome.Error?.HttpStatus ?? 502 : 200,
                    ErrorKind = outcome.Error?.Kind,
                    ErrorMessage = outcome.Error?.Message,
                    Usage = response?.Usage,
                    CostUsd = CostCalculator.Cost(response?.Usage, shadow.Price),
                    LatencyMs = outcome.UpstreamTime.TotalMilliseconds,
                    Attempts = outcome.Attempts,
                    Shadow = new ShadowComparison
                    {
                        PrimaryRequestId = requestId,
                        Prompt = LastUser(copy),
                        PrimaryModel = primaryModel,
                        PrimaryAnswer = primaryAnswer,
                        ShadowModel = shadow.Name,
                        ShadowAnswer = response is { Choices.Count: > 0 } r ? r.Choices[0].Message.AllText() : null,
                    },
                }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Threading.Channels.ChannelClosedException)
            {
                // The log closed (shutdown) while the shadow ran: nothing to record into.
            }
        });
    }

    private static string LastUser(ChatRequest request)
    {
        for (var i = request.Messages.Count - 1; i >= 0; i--)
            if (request.Messages[i].Role == ChatRole.User) return request.Messages[i].AllText();
        return "";
    }
}
