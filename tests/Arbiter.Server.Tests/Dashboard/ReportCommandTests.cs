using Arbiter.Cli.Commands;
using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Spectre.Console;

namespace Arbiter.Server.Tests.Dashboard;

public class ReportCommandTests
{
    private static IAnsiConsole Plain(StringWriter into)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(into), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        return console;
    }

    [Fact]
    public async Task Report_RunningGateway_PrintsTotalsAndAGroupTable()
    {
        await using var host = await GatewayHost.StartAsync(
            ConfigLoader.Parse(ObservabilityConfigs.Simulator("rep", ObservabilityConfigs.WithMasterKey)), ObservabilityConfigs.MasterEnv);
        var key = await ChatCalls.CreateKeyAsync(host.Http, ObservabilityConfigs.MasterKey, "report");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await ChatCalls.SendAsync(host.Http, "rep-auto", key: key)).RequestId);
        ids.Add((await ChatCalls.SendAsync(host.Http, "rep-free", key: key)).RequestId);
        foreach (var id in ids) await host.RecordAsync(id);

        var (report, _, error) = await ReportCommand.FetchAsync(host.Http, "1h", ObservabilityConfigs.MasterKey, default);
        Assert.Null(error);
        var text = new StringWriter();
        KpiTables.Write(Plain(text), report!, [KpiDimensions.Model]);
        var output = text.ToString();

        Assert.Contains("│ Requests", output);
        Assert.Contains("4 (100.0% succeeded)", output);
        Assert.Contains("+ 1 unpriced", output); // never shown as $0
        Assert.Contains("On the strongest model (rep-strong)", output);
        var cheapRow = output.Split('\n').Single(l => l.Contains("│ rep-cheap ", StringComparison.Ordinal));
        Assert.Contains("│   3 │ 75.0% │", cheapRow);
        Assert.Contains("100.0%", cheapRow); // every one of them fell back from rep-broken
        Assert.Contains(output.Split('\n'), l => l.Contains("│ rep-free ", StringComparison.Ordinal) && l.Contains("unpriced", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_TaskGroup_ShowsItsLatencyPercentilesAndTtfb()
    {
        var totals = new KpiFigures { Requests = 2, Succeeded = 2 };
        var summarize = new KpiFigures { Requests = 2, Succeeded = 2, LatencyP50Ms = 120, LatencyP95Ms = 870, TtfbP95Ms = 45 };
        var report = new KpiReport
        {
            GeneratedAt = DateTimeOffset.UnixEpoch,
            Window = new KpiWindow(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1)),
            Totals = totals,
            Groups = new Dictionary<string, IReadOnlyList<KpiGroup>> { [KpiDimensions.Task] = [KpiCalculator.GroupOf("summarize", summarize, totals)] },
            BucketSeconds = 3600,
            Series = [],
            Recent = [],
        };
        var text = new StringWriter();
        KpiTables.Write(Plain(text), report, [KpiDimensions.Task]);
        var lines = text.ToString().Split('\n');

        Assert.Contains(lines, l => l.Contains("p50", StringComparison.Ordinal) && l.Contains("ttfb p95", StringComparison.Ordinal));
        var row = lines.Single(l => l.Contains("│ summarize ", StringComparison.Ordinal));
        Assert.Contains("│ 120 ms │ 870 ms │    45 ms │", row);
    }

    [Fact]
    public async Task Report_WrongMasterKey_GatewaysMessage()
    {
        await using var host = await GatewayHost.StartAsync(
            ConfigLoader.Parse(ObservabilityConfigs.Simulator("rep401", ObservabilityConfigs.WithMasterKey)), ObservabilityConfigs.MasterEnv);
        var (report, _, error) = await ReportCommand.FetchAsync(host.Http, "1h", "not-the-key", default);
        Assert.Null(report);
        Assert.StartsWith("401: Wrong master key", error);
    }

    [Theory]
    [InlineData(0.0000522, "$0.0000522")]
    [InlineData(0.00010449, "$0.000104")]
    [InlineData(0.0602, "$0.0602")]
    [InlineData(12.345, "$12.35")]
    [InlineData(0, "$0")]
    public void Usd_NeverExponentNotation(double value, string expected) => Assert.Equal(expected, KpiTables.Usd((decimal)value));
}
