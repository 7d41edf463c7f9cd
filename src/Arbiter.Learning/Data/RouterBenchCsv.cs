using System.Globalization;

namespace Arbiter.Learning.Data;

/// <summary>
/// Reads RouterBench's CSV: <c>sample_id, prompt, eval_name</c>, then per model <c>&lt;model&gt;</c> (0/1 score),
/// <c>&lt;model&gt;|model_response</c> and <c>&lt;model&gt;|total_cost</c>. A model is a column with a
/// <c>|total_cost</c> partner; a file without any (prompts only, for <c>router route</c>) gives no models.
/// Empty score or cost cells stay NaN: training skips them, evaluation counts a missing score as a failure.
/// </summary>
public static class RouterBenchCsv
{
    private const string CostSuffix = "|total_cost";
    private const string ResponseSuffix = "|model_response";

    public static RoutingDataset Load(string path, bool withResponses = false)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path, withResponses);
    }

    public static RoutingDataset Read(TextReader reader, string source, bool withResponses = false)
    {
        using var rows = CsvRows.Read(reader).GetEnumerator();
        if (!rows.MoveNext()) throw new InvalidDataException($"{source}: empty file");
        var header = rows.Current;
        int Col(string name) => Array.IndexOf(header, name);
        int Required(string name) => Col(name) is >= 0 and var i ? i : throw new InvalidDataException($"{source}: no '{name}' column");
        var idCol = Required("sample_id");
        var promptCol = Required("prompt");
        var evalCol = Col("eval_name");
        var models = header.Where(h => h.EndsWith(CostSuffix, StringComparison.Ordinal))
            .Select(h => h[..^CostSuffix.Length]).Where(m => Col(m) >= 0).ToArray();
        var scoreCols = models.Select(Col).ToArray();
        var costCols = models.Select(m => Col(m + CostSuffix)).ToArray();
        var responseCols = models.Select(m => Col(m + ResponseSuffix)).ToArray();

        var samples = new List<RoutingSample>();
        var line = 1;
        while (rows.MoveNext())
        {
            line++;
            var r = rows.Current;
            if (r.Length == 1 && r[0].Length == 0) continue;
            if (r.Length < header.Length) throw new InvalidDataException($"{source}: row {line} has {r.Length} fields, the header {header.Length}");
            samples.Add(new RoutingSample(r[idCol], PromptText.Distinctive(r[promptCol]), evalCol >= 0 ? r[evalCol] : "",
                scoreCols.Select(c => (float)Number(r[c])).ToArray(), costCols.Select(c => Number(r[c])).ToArray())
            {
                Responses = withResponses ? responseCols.Select(c => c >= 0 ? r[c] : null).ToArray() : null,
            });
        }
        return new RoutingDataset(models, samples);
    }

    private static double Number(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
