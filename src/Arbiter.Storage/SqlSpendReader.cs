using Arbiter.Core.Accounting;
using Arbiter.Core.Budgets;

namespace Arbiter.Storage;

/// <summary>Spend reports and the budget rebuild, as SQL aggregates over <c>requests</c> (exact: costs are integer nano-dollars).</summary>
public sealed class SqlSpendReader(SqlDatabase database) : ISpendReader
{
    public async Task<IReadOnlyList<SpendTotal>> SpendByKeySinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT key_id, team, day, SUM(cost_nusd) FROM requests
            WHERE started_at_ms >= @since AND cost_nusd IS NOT NULL AND (key_id IS NOT NULL OR team IS NOT NULL)
            GROUP BY key_id, team, day
            """;
        Sql.Add(command, "since", since.ToUnixTimeMilliseconds());
        var totals = new List<SpendTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = DateTimeOffset.ParseExact(reader.GetString(2), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal);
            totals.Add(new SpendTotal(Sql.String(reader, 0), Sql.String(reader, 1), day, NanoUsd.ToUsd(Sql.Decimal(reader, 3))));
        }
        return totals;
    }

    public async Task<IReadOnlyList<SpendRow>> SpendAsync(SpendGrouping groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The column comes from this switch, never from the caller's text.
        var column = groupBy switch
        {
            SpendGrouping.Key => "key_id",
            SpendGrouping.Team => "team",
            SpendGrouping.Model => "served_model",
            SpendGrouping.Route => "route",
            _ => "day",
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {column}, COUNT(*), SUM(cost_nusd),
                SUM(CASE WHEN cost_nusd IS NULL AND (input_tokens > 0 OR output_tokens > 0) THEN 1 ELSE 0 END),
                SUM(input_tokens), SUM(output_tokens)
            FROM requests WHERE started_at_ms >= @from AND started_at_ms < @to
            GROUP BY {column} ORDER BY 3 DESC, 1
            """;
        Sql.Add(command, "from", from.ToUnixTimeMilliseconds());
        Sql.Add(command, "to", to.ToUnixTimeMilliseconds());
        var rows = new List<SpendRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SpendRow(Sql.String(reader, 0), Sql.Long(reader, 1) ?? 0, NanoUsd.ToUsd(Sql.Decimal(reader, 2)),
                Sql.Long(reader, 3) ?? 0, Sql.Long(reader, 4) ?? 0, Sql.Long(reader, 5) ?? 0));
        return rows;
    }
}
