using Arbiter.Core.Budgets;

namespace Arbiter.Core.Accounting;

/// <summary>Spend read back from the request log: for reports (admin API) and to rebuild budgets at start-up.</summary>
public interface ISpendReader
{
    /// <summary>Priced spend since <paramref name="since"/>, by key, team and UTC day (requests with a key or team only).</summary>
    Task<IReadOnlyList<SpendTotal>> SpendByKeySinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Spend between <paramref name="from"/> (inclusive) and <paramref name="to"/> (exclusive), grouped by one dimension, dearest first.</summary>
    Task<IReadOnlyList<SpendRow>> SpendAsync(SpendGrouping groupBy, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
