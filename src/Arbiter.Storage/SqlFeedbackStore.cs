using Arbiter.Core.Kpis;

namespace Arbiter.Storage;

/// <summary>Application feedback in SQL (table <c>feedback</c>, migration 201): kept across restarts, read by the KPIs in SQL.</summary>
public sealed class SqlFeedbackStore(SqlDatabase database) : IFeedbackStore
{
    public async Task WriteAsync(QualityFeedback feedback, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO feedback (request_id, score, comment, at_ms) VALUES (@rid, @score, @comment, @at)";
        Sql.Add(command, "rid", feedback.RequestId);
        Sql.Add(command, "score", feedback.Score);
        Sql.Add(command, "comment", feedback.Comment);
        Sql.Add(command, "at", feedback.At.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QualityFeedback>> QueryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // In the order given, so the latest of two in one millisecond is the one read last (as in memory).
        command.CommandText = "SELECT request_id, score, comment, at_ms FROM feedback WHERE at_ms >= @from AND at_ms < @to ORDER BY at_ms, seq";
        Sql.Add(command, "from", Millis(from));
        Sql.Add(command, "to", Millis(to));
        var items = new List<QualityFeedback>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            items.Add(new QualityFeedback(r.GetString(0), Convert.ToDouble(r.GetValue(1)), Sql.String(r, 2),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(r.GetValue(3)))));
        return items;
    }

    private static long Millis(DateTimeOffset t) =>
        t == DateTimeOffset.MaxValue ? long.MaxValue : t == DateTimeOffset.MinValue ? long.MinValue : t.ToUnixTimeMilliseconds();
}
