using System.Globalization;
using Arbiter.Core.Execution;
using Arbiter.Core.Ids;
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

    /// <summary>
    /// Rows whose <c>request_id</c> the <c>ix_requests_request_id</c> index holds: those not keyed by it (below). The
    /// reader's lookup by id repeats this condition word for word, which is what lets the engines use a partial index.
    /// </summary>
    public const string IndexedById = $"request_id <> '{IssuedRequestId.Prefix}' || id";

    /// <summary>
    /// The row's id. A request id the gateway issued is unique and carries the request's start, so the row is keyed by
    /// its time-ordered part (<c>id = request_id</c> without <c>req_</c>) and found by start time and id, outside the
    /// request-id index: that index's insert was about a seventh of the log's cost per row. Any other row gets a new
    /// time-ordered id, and its client's request id goes into the index. <paramref name="destination"/> holds
    /// <see cref="TimeOrderedId.Length"/> characters.
    /// </summary>
    public static ReadOnlySpan<char> RowId(RequestRecord r, long startedMs, Span<char> destination)
    {
        if (r.RequestIdIssued && IssuedRequestId.TryReadStart(r.RequestId, out var ms) && ms == startedMs)
            return r.RequestId.AsSpan(IssuedRequestId.Prefix.Length);
        TimeOrderedId.Format(r.StartedAt, destination);
        return destination[..TimeOrderedId.Length];
    }

    /// <summary>Whether a stored row is keyed by its request id (<see cref="RowId"/>): the gateway issued that id. <see cref="IndexedById"/>'s opposite.</summary>
    public static bool IsKeyedByRequestId(string row, string requestId) =>
        requestId.StartsWith(IssuedRequestId.Prefix, StringComparison.Ordinal) && requestId.AsSpan(IssuedRequestId.Prefix.Length).SequenceEqual(row);

    /// <summary>The record's values, one per <see cref="Columns"/> entry, in order; <paramref name="row"/> is its row id.</summary>
    public static void Write<T>(ref T v, RequestRecord r, ReadOnlySpan<char> row, long startedMs) where T : struct, IRowValues
    {
        var u = r.Usage;
        v.Text(row);
        v.Text(r.RequestId);
        v.Long(startedMs);
        Span<char> day = stackalloc char[10];
        r.StartedAt.UtcDateTime.TryFormat(day, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        v.Text(day);
        v.Text(r.KeyId);
        v.Text(r.Team);
        v.Text(r.Route);
        v.Text(r.TaskType);
        v.Text(r.Tier);
        v.Text(r.RequestedModel);
        v.Text(r.ServedModel);
        v.Text(r.Provider);
        v.Text(ServedDeployment(r));
        v.Text(r.Decision);
        v.Bool(r.Stream);
        v.Long(r.Status);
        v.Text(r.ErrorKind?.ToString());
        v.Text(r.ErrorMessage);
        v.Long(u?.InputTokens);
        v.Long(u?.CachedInputTokens);
        v.Long(u?.CacheWriteTokens);
        v.Long(u?.OutputTokens);
        v.Long(u?.ReasoningTokens);
        v.Long(NanoUsd.From(r.CostUsd));
        v.Double(r.LatencyMs);
        v.Double(r.TimeToFirstChunkMs);
        v.Double(r.OverheadMs);
        v.Long(r.Attempts.Count);
        v.Long(Math.Max(0, r.Attempts.Count - 1));
        v.Long(r.Escalations);
        v.Double(r.QualityScore);
        v.Long(r.DeliveredChars);
        v.Double(FoldsAttempt(r) ? r.Attempts[0].Duration.TotalMilliseconds : null);
    }

    /// <summary>
    /// A request served by its first call keeps that call in its own row (<c>attempt_ms</c>): everything else about
    /// the call is already there (served model, provider, deployment), so no <c>request_attempts</c> row is written.
    /// </summary>
    public static bool FoldsAttempt(RequestRecord r) =>
        r.Attempts.Count == 1 && r.Attempts[0] is { Error: null, Retry: 0, Skipped: null, Purpose: null } a
        && a.Model == r.ServedModel && a.Provider == r.Provider;

    /// <summary>The call a folded row stands for, as <see cref="FoldsAttempt"/> left it.</summary>
    public static Attempt Unfold(RequestRecord r, string? deployment, double attemptMs) =>
        new(r.ServedModel!, r.Provider!, TimeSpan.FromMilliseconds(attemptMs), null) { Deployment = deployment };

    private static string? ServedDeployment(RequestRecord r) =>
        r.Attempts.Count > 0 && r.Attempts[^1].Succeeded ? r.Attempts[^1].Deployment : null;
}
