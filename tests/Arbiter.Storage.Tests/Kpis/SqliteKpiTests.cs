namespace Arbiter.Storage.Tests.Kpis;

public sealed class SqliteKpiTests
{
    [Fact] public Task Report_KnownLog_SameFiguresAsInMemory() => KpiContract.Report_KnownLog_SameFiguresAsInMemory("sqlite");
    [Fact] public Task Report_RandomLog_SameFiguresAsInMemory() => KpiContract.Report_RandomLog_SameFiguresAsInMemory("sqlite");
    [Fact] public Task Report_ShadowCallRecord_LeftOut() => KpiContract.Report_ShadowCallRecord_LeftOut("sqlite");
    [Fact] public Task Report_EmptyWindow_RatesNullNotZero() => KpiContract.Report_EmptyWindow_RatesNullNotZero("sqlite");
    [Fact] public Task Feedback_SurvivesRestart_FeedsQualityAndDrift() => KpiContract.Feedback_SurvivesRestart_FeedsQualityAndDrift();
}
