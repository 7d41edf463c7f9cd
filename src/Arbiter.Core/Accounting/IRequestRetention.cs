namespace Arbiter.Core.Accounting;

/// <summary>A store that can forget old request records (<c>storage.retention_days</c>).</summary>
public interface IRequestRetention
{
    /// <returns>How many request records were deleted.</returns>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
