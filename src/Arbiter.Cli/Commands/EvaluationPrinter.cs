using System.Globalization;
using Arbiter.Learning.Evaluation;

namespace Arbiter.Cli.Commands;

/// <summary>Prints an evaluation as plain aligned text (stdout, so it can be piped into docs).</summary>
internal static class EvaluationPrinter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(EvaluationReport report, IReadOnlyList<double> lambdas, TextWriter o)
    {
        var best = report.BestSingle;
        o.WriteLine($"held-out prompts: {report.TestCount}; single-model cost range {report.CostMin:E3} .. {report.CostMax:E3} USD/prompt");
        o.WriteLine();
        o.WriteLine($"{"single model",-44} {"USD/prompt",12} {"quality",8}");
        foreach (var (model, p) in report.Singles.OrderBy(s => s.Point.Cost))
            o.WriteLine($"{model,-44} {p.Cost,12:E3} {p.Quality,8:F4}");
        o.WriteLine();
        o.WriteLine($"best single model: {best.Model} (quality {best.Point.Quality:F4}, {best.Point.Cost:E3} USD/prompt)");
        o.WriteLine($"{"router / baseline",-48} {"AIQ",7} {"max quality",12} {"cost share to reach best single",32}");
        foreach (var c in report.Curves)
        {
            var share = report.ReachShare(c) is { } s ? s.ToString("P1", Inv) : "not reached";
            o.WriteLine($"{c.Name,-48} {c.Aiq,7:F4} {c.Best.Quality,12:F4} {share,32}");
        }
        o.WriteLine();
        var learned = report.Curves.First(c => c.Name == RouterEvaluation.LearnedName);
        o.WriteLine("learned router cost-quality curve (lambda = USD weight; consecutive repeats omitted):");
        o.WriteLine($"{"lambda",12} {"USD/prompt",12} {"share of best cost",18} {"quality",8}");
        CostQualityPoint? last = null;
        for (var k = 0; k < learned.Points.Count && k < lambdas.Count; k++)
        {
            var p = learned.Points[k];
            if (last == p) continue;
            last = p;
            o.WriteLine($"{lambdas[k],12:G4} {p.Cost,12:E3} {p.Cost / best.Point.Cost,18:P1} {p.Quality,8:F4}");
        }
    }

    /// <summary>AIQ of every curve task by task, and their mean over tasks (how the RouterBench paper reports it).</summary>
    public static void PrintPerTask(IReadOnlyList<(string Task, EvaluationReport Report)> perTask, TextWriter o)
    {
        if (perTask.Count == 0) return;
        var names = perTask[0].Report.Curves.Select(c => c.Name).ToList();
        o.WriteLine();
        o.WriteLine("AIQ per task (each over its own single-model cost range):");
        o.WriteLine($"{"router / baseline",-48} {string.Join(" ", perTask.Select(t => $"{Short(t.Task),14}"))} {"mean",8}");
        foreach (var name in names)
        {
            var values = perTask.Select(t => t.Report.Curves.First(c => c.Name == name).Aiq).ToList();
            o.WriteLine($"{name,-48} {string.Join(" ", values.Select(v => $"{v,14:F4}"))} {values.Average(),8:F4}");
        }
    }

    private static string Short(string task) => task.Length <= 14 ? task : task[..14];
}
