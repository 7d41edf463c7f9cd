using System.Globalization;
using Arbiter.Core.Execution;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>A <see cref="RequestRecord"/> as the values of one <c>requests</c> row, in the insert's column order.</summary>
internal static class RequestRow
{
    public static object?[] Values(RequestRecord r, string row, long startedMs)
    {
        var u = r.Usage;
        return
        [
            row, r.RequestId, startedMs, r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.KeyId, r.Team, r.Route, r.TaskType, r.Tier, r.RequestedModel, r.ServedModel, r.Provider,
            ServedDeployment(r), r.Decision, r.Stream, r.Status, r.ErrorKind?.ToString(), r.ErrorMessage,
            u?.InputTokens, u?.CachedInputTokens, u?.CacheWriteTokens, u?.OutputTokens, u?.ReasoningTokens,
            NanoUsd.From(r.CostUsd), r.LatencyMs, r.TimeToFirstChunkMs, r.OverheadMs,
            r.Attempts.Count, Math.Max(0, r.Attempts.Count - 1), r.Escalations, r.QualityScore, r.DeliveredChars,
        ];
    }

    public static string? DeploymentOf(Attempt a) => a.Deployment;

    private static string? ServedDeployment(RequestRecord r) =>
        r.Attempts.Count > 0 && r.Attempts[^1].Succeeded ? DeploymentOf(r.Attempts[^1]) : null;
}
