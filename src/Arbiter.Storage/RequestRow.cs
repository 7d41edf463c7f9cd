using System.Data.Common;
using System.Globalization;
using Arbiter.Core.Execution;
using Arbiter.Core.RequestLog;

namespace Arbiter.Storage;

/// <summary>A <see cref="RequestRecord"/> as one <c>requests</c> row: the insert and its values in column order.</summary>
internal static class RequestRow
{
    public static readonly string[] Columns =
    [
        "id", "request_id", "started_at_ms", "day", "key_id", "team", "route", "task", "tier", "requested_model", "served_model", "provider",
        "deployment", "decision", "stream", "status", "error_kind", "error_message", "input_tokens", "cached_input_tokens", "cache_write_tokens",
        "output_tokens", "reasoning_tokens", "cost_nusd", "latency_ms", "ttfb_ms", "overhead_ms", "attempt_count", "fallback_steps", "cascade_steps",
        "quality_score", "delivered_chars", "attempt_ms",
    ];

    public static readonly string Insert =
        $"INSERT INTO requests ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    /// <summary>Sets the insert's parameters (created from <see cref="Columns"/>, in order) to the record's values.</summary>
    public static void Bind(DbParameterCollection p, RequestRecord r, string row, long startedMs)
    {
        var u = r.Usage;
        var i = 0;
        Set(p, ref i, row);
        Set(p, ref i, r.RequestId);
        Set(p, ref i, startedMs);
        Set(p, ref i, r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(p, ref i, r.KeyId);
        Set(p, ref i, r.Team);
        Set(p, ref i, r.Route);
        Set(p, ref i, r.TaskType);
        Set(p, ref i, r.Tier);
        Set(p, ref i, r.RequestedModel);
        Set(p, ref i, r.ServedModel);
        Set(p, ref i, r.Provider);
        Set(p, ref i, ServedDeployment(r));
        Set(p, ref i, r.Decision);
        Set(p, ref i, r.Stream);
        Set(p, ref i, r.Status);
        Set(p, ref i, r.ErrorKind?.ToString());
        Set(p, ref i, r.ErrorMessage);
        Set(p, ref i, u?.InputTokens);
        Set(p, ref i, u?.CachedInputTokens);
        Set(p, ref i, u?.CacheWriteTokens);
        Set(p, ref i, u?.OutputTokens);
        Set(p, ref i, u?.ReasoningTokens);
        Set(p, ref i, NanoUsd.From(r.CostUsd));
        Set(p, ref i, r.LatencyMs);
        Set(p, ref i, r.TimeToFirstChunkMs);
        Set(p, ref i, r.OverheadMs);
        Set(p, ref i, r.Attempts.Count);
        Set(p, ref i, Math.Max(0, r.Attempts.Count - 1));
        Set(p, ref i, r.Escalations);
        Set(p, ref i, r.QualityScore);
        Set(p, ref i, r.DeliveredChars);
        Set(p, ref i, FoldsAttempt(r) ? r.Attempts[0].Duration.TotalMilliseconds : null);
    }

    /// <summary>
    /// A request served by its first call keeps that call in its own row (<c>attempt_ms</c>): everything else about
    /// the call is already there (served model, provider, deployment), so no <c>request_attempts</c> row is written.
    /// </summary>
    public static bool FoldsAttempt(RequestRecord r) =>
        r.Attempts.Count == 1 && r.Attempts[0] is { Error: null, Retry: 0, Skipped: null } a
        && a.Model == r.ServedModel && a.Provider == r.Provider;

    /// <summary>The call a folded row stands for, as <see cref="FoldsAttempt"/> left it.</summary>
    public static Attempt Unfold(RequestRecord r, string? deployment, double attemptMs) =>
        new(r.ServedModel!, r.Provider!, TimeSpan.FromMilliseconds(attemptMs), null) { Deployment = deployment };

    internal static void Set(DbParameterCollection p, ref int i, object? value) => p[i++].Value = value ?? DBNull.Value;

    public static string? DeploymentOf(Attempt a) => a.Deployment;

    private static string? ServedDeployment(RequestRecord r) =>
        r.Attempts.Count > 0 && r.Attempts[^1].Succeeded ? DeploymentOf(r.Attempts[^1]) : null;
}
