using System.Globalization;
using Arbiter.Core.Kpis;
using Spectre.Console;

namespace Arbiter.Cli.Commands;

/// <summary>Renders a <see cref="KpiReport"/> as Spectre.Console tables: the totals, one table per dimension, the drift alerts.</summary>
internal static class KpiTables
{
    public static void Write(IAnsiConsole console, KpiReport report, IReadOnlyList<string> dimensions)
    {
        var t = report.Totals;
        console.Write(new Rule($"[bold]Arbiter KPIs[/] {Time(report.Window.From)} → {Time(report.Window.To)} UTC").LeftJustified());
        var totals = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("KPI").AddColumn("value");
        totals.AddRow("Requests", $"{t.Requests:N0} ({Pct(t.SuccessRate)} succeeded)");
        totals.AddRow("Cost per successful response", Usd(t.CostPerSuccessUsd));
        totals.AddRow("Spend", t.UnpricedRequests > 0 ? $"{Usd(t.CostUsd)} [yellow]+ {t.UnpricedRequests:N0} unpriced[/]" : Usd(t.CostUsd));
        totals.AddRow($"On the strongest model ({Markup.Escape(report.StrongestModel ?? "none priced")})",
            t.StrongestModelCostUsd is null ? "–" : $"{Usd(t.StrongestModelCostUsd)} → [green]{Pct(t.SavingsRate)} saved[/]");
        totals.AddRow("Latency p50 / p95", $"{Ms(t.LatencyP50Ms)} / {Ms(t.LatencyP95Ms)}");
        totals.AddRow("TTFB p50 / p95 (streams)", $"{Ms(t.TtfbP50Ms)} / {Ms(t.TtfbP95Ms)}");
        totals.AddRow("Fallback / escalation rate", $"{Pct(t.FallbackRate)} / {Pct(t.EscalationRate)}");
        totals.AddRow("Quality", t.Quality is double q ? $"{q:0.00} ({t.QualitySamples:N0} scored)" : "–");
        console.Write(totals);

        foreach (var dimension in dimensions)
        {
            if (!report.Groups.TryGetValue(dimension, out var groups)) continue;
            var table = new Table().Border(TableBorder.Rounded).Title($"by {dimension}").AddColumn(dimension);
            foreach (var header in new[] { "req", "req %", "spend", "spend %", "$/ok", "p50", "p95", "ttfb p95", "fallbk", "escal", "quality" })
                table.AddColumn(new TableColumn(header).RightAligned().NoWrap());
            foreach (var g in groups)
            {
                var f = g.Figures;
                table.AddRow(Markup.Escape(g.Key), f.Requests.ToString("N0", CultureInfo.InvariantCulture), Pct(g.RequestShare),
                    f.UnpricedRequests == f.Requests && f.Requests > 0 ? "unpriced" : Usd(f.CostUsd), Pct(g.CostShare), Usd(f.CostPerSuccessUsd),
                    Ms(f.LatencyP50Ms), Ms(f.LatencyP95Ms), Ms(f.TtfbP95Ms), Pct(f.FallbackRate), Pct(f.EscalationRate),
                    f.Quality is double gq ? gq.ToString("0.00", CultureInfo.InvariantCulture) : "–");
            }
            console.Write(table);
        }

        if (report.Alerts.Count == 0) console.MarkupLine("[green]No drift alerts.[/]");
        foreach (var a in report.Alerts)
            console.MarkupLine($"[red]Drift[/] {Markup.Escape(a.Dimension)} [bold]{Markup.Escape(a.Key)}[/] {Markup.Escape(a.Metric)}: "
                + $"{a.Baseline:0.###} → {a.Current:0.###} (threshold {a.Threshold}) since {Time(a.Since)}");
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    private static string Pct(double? v) => v is double d ? d.ToString("0.0%", CultureInfo.InvariantCulture) : "–";
    private static string Ms(double? v) => v is double d ? d < 1000 ? $"{d:0} ms" : $"{d / 1000:0.00} s" : "–";

    /// <summary>Dollars: cents for a dollar and more, three significant digits below (never in exponent notation).</summary>
    public static string Usd(decimal? v)
    {
        if (v is not decimal d) return "–";
        if (d == 0m) return "$0";
        if (Math.Abs(d) >= 1m) return "$" + d.ToString("N2", CultureInfo.InvariantCulture);
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10((double)Math.Abs(d))), 0, 20);
        return "$" + Math.Round(d, decimals).ToString("0.####################", CultureInfo.InvariantCulture);
    }
}
