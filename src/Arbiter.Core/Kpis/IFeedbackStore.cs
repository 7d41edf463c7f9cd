namespace Arbiter.Core.Kpis;

/// <summary>Where application feedback is kept; read back by time window for the quality KPI.</summary>
public interface IFeedbackStore
{
    Task WriteAsync(QualityFeedback feedback, CancellationToken cancellationToken);

    /// <summary>Feedback given in [from, to), in no particular order.</summary>
    Task<IReadOnlyList<QualityFeedback>> QueryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
