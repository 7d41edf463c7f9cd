using System.Globalization;
using System.Text;

namespace Arbiter.Ttfc;

/// <summary>The summary as an aligned text table (stdout) and as TSV. The first target is the baseline.</summary>
public static class ResultTable
{
    public static IReadOnlyList<string[]> Rows(IReadOnlyList<TargetResult> results)
    {
        var baseline = results[0].FirstChunkMs(50);
        var rows = new List<string[]>
        {
            new[] { "target", "requests", "errors", "ttfc_p50_ms", "ttfc_p90_ms", "ttfc_p99_ms", "total_p50_ms", $"+p50_vs_{results[0].Name}_ms" },
        };
        foreach (var r in results)
        {
            var p50 = r.FirstChunkMs(50);
            rows.Add([r.Name, N(r.Requests), N(r.Errors), Ms(p50), Ms(r.FirstChunkMs(90)), Ms(r.FirstChunkMs(99)), Ms(r.TotalMs(50)),
                ReferenceEquals(r, results[0]) || double.IsNaN(p50 - baseline) ? "-" : (p50 - baseline).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture)]);
        }
        return rows;
    }

    public static string Text(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                sb.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Tsv(IReadOnlyList<string[]> rows) => string.Concat(rows.Select(r => string.Join('\t', r) + "\n"));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("0.000", CultureInfo.InvariantCulture);
}
