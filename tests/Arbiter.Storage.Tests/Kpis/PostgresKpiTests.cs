namespace Arbiter.Storage.Tests.Kpis;

/// <summary>The SQL KPIs against a real PostgreSQL server (see <see cref="TestDatabases"/>).</summary>
public sealed class PostgresKpiTests
{
    [PostgresFact] public Task Report_KnownLog_SameFiguresAsInMemory() => KpiContract.Report_KnownLog_SameFiguresAsInMemory("postgres");
    [PostgresFact] public Task Report_RandomLog_SameFiguresAsInMemory() => KpiContract.Report_RandomLog_SameFiguresAsInMemory("postgres");
    [PostgresFact] public Task Report_ShadowCallRecord_LeftOut() => KpiContract.Report_ShadowCallRecord_LeftOut("postgres");
    [PostgresFact] public Task Report_EmptyWindow_RatesNullNotZero() => KpiContract.Report_EmptyWindow_RatesNullNotZero("postgres");
}
