using Arbiter.Core.Execution;

namespace Arbiter.Storage;

/// <summary>One upstream call (or skipped deployment) as one <c>request_attempts</c> row.</summary>
internal static class AttemptRow
{
    public static readonly string[] Columns =
        ["request_row", "seq", "started_at_ms", "model", "provider", "deployment", "duration_ms", "error_kind", "error_message", "retry", "skipped", "purpose"];

    public static readonly string Insert =
        $"INSERT INTO request_attempts ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    public static void Write<T>(ref T v, Attempt a, ReadOnlySpan<char> row, int seq, long startedMs) where T : struct, IRowValues
    {
        v.Text(row);
        v.Long(seq);
        v.Long(startedMs);
        v.Text(a.Model);
        v.Text(a.Provider);
        v.Text(a.Deployment);
        v.Double(a.Duration.TotalMilliseconds);
        v.Text(a.Error?.Kind.ToString());
        v.Text(a.Error?.Message);
        v.Long(a.Retry);
        v.Text(a.Skipped);
        v.Text(a.Purpose);
    }
}
