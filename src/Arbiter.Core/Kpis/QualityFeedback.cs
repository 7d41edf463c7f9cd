namespace Arbiter.Core.Kpis;

/// <summary>An application's verdict on one answer (POST /v1/feedback): a score from 0 (bad) to 1 (good).</summary>
public sealed record QualityFeedback(string RequestId, double Score, string? Comment, DateTimeOffset At)
{
    public const double MinScore = 0;
    public const double MaxScore = 1;
    public const int MaxCommentLength = 2000;
}
