using Arbiter.Core.RequestLog;

namespace Arbiter.Core.Kpis;

/// <summary>One row of the recent-requests table: where the request went, why, and what it cost.</summary>
public sealed record RecentRequest
{
    public required string RequestId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string RequestedModel { get; init; }
    public string? Route { get; init; }
    public string? TaskType { get; init; }
    public string? ServedModel { get; init; }
    public string? Tier { get; init; }
    public string? Decision { get; init; }
    public required int Status { get; init; }
    public string? Error { get; init; }
    public string? ErrorMessage { get; init; }
    public bool Stream { get; init; }
    public double LatencyMs { get; init; }
    public double? TtfbMs { get; init; }
    public decimal? CostUsd { get; init; }
    public bool Unpriced { get; init; }
    public bool FellBack { get; init; }
    public int Escalations { get; init; }
    public double? Quality { get; init; }
    public required IReadOnlyList<RecentAttempt> Attempts { get; init; }

    public static RecentRequest From(in RequestFacts f)
    {
        var r = f.Record;
        var attempts = new RecentAttempt[r.Attempts.Count];
        for (var i = 0; i < attempts.Length; i++)
        {
            var a = r.Attempts[i];
            attempts[i] = new RecentAttempt(a.Model, a.Provider, a.Duration.TotalMilliseconds, a.Error?.Kind.ToString())
            {
                Deployment = a.Deployment == a.Provider ? null : a.Deployment,
                Retry = a.Retry,
                Skipped = a.Skipped,
                Purpose = a.Purpose,
            };
        }
        return new RecentRequest
        {
            RequestId = r.RequestId,
            StartedAt = r.StartedAt,
            RequestedModel = r.RequestedModel,
            Route = r.Route,
            TaskType = r.TaskType,
            ServedModel = r.ServedModel,
            Tier = f.Tier == KpiDimensions.None ? null : f.Tier,
            Decision = r.Decision,
            Status = r.Status,
            Error = r.ErrorKind?.ToString(),
            ErrorMessage = r.ErrorMessage,
            Stream = r.Stream,
            LatencyMs = r.LatencyMs,
            TtfbMs = r.TimeToFirstChunkMs,
            CostUsd = f.Cost,
            Unpriced = f.Cost is null,
            FellBack = f.FellBack,
            Escalations = r.Escalations ?? 0,
            Quality = f.Quality,
            Attempts = attempts,
        };
    }
}
