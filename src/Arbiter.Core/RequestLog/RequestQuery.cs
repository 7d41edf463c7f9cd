namespace Arbiter.Core.RequestLog;

/// <summary>
/// Which records to read back: those started in [<see cref="From"/>, <see cref="To"/>), optionally one request
/// by id, newest first, at most <see cref="Limit"/>.
/// </summary>
public sealed record RequestQuery
{
    public DateTimeOffset From { get; init; } = DateTimeOffset.MinValue;
    public DateTimeOffset To { get; init; } = DateTimeOffset.MaxValue;
    public string? RequestId { get; init; }
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Enough for a day of a busy gateway's KPIs in memory; larger windows are sampled by their newest records.</summary>
    public const int DefaultLimit = 200_000;

    public static RequestQuery ById(string requestId) => new() { RequestId = requestId, Limit = 1 };

    public bool Matches(RequestRecord r) =>
        r.StartedAt >= From && r.StartedAt < To && (RequestId is null || string.Equals(r.RequestId, RequestId, StringComparison.Ordinal));
}
