using System.Data.Common;
using Arbiter.Core.Execution;

namespace Arbiter.Storage;

/// <summary>One upstream call (or skipped deployment) as one <c>request_attempts</c> row.</summary>
internal static class AttemptRow
{
    public static readonly string[] Columns =
        ["request_row", "seq", "started_at_ms", "model", "provider", "deployment", "duration_ms", "error_kind", "error_message", "retry", "skipped"];

    public static readonly string Insert =
        $"INSERT INTO request_attempts ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    public static void Bind(DbParameterCollection p, Attempt a, string row, int seq, long startedMs)
    {
        var i = 0;
        RequestRow.Set(p, ref i, row);
        RequestRow.Set(p, ref i, seq);
        RequestRow.Set(p, ref i, startedMs);
        RequestRow.Set(p, ref i, a.Model);
        RequestRow.Set(p, ref i, a.Provider);
        RequestRow.Set(p, ref i, RequestRow.DeploymentOf(a));
        RequestRow.Set(p, ref i, a.Duration.TotalMilliseconds);
        RequestRow.Set(p, ref i, a.Error?.Kind.ToString());
        RequestRow.Set(p, ref i, a.Error?.Message);
        RequestRow.Set(p, ref i, a.Retry);
        RequestRow.Set(p, ref i, a.Skipped);
    }
}
