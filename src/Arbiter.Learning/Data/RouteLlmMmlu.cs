using System.Text.Json;

namespace Arbiter.Learning.Data;

/// <summary>
/// RouteLLM's MMLU evaluation data (lm-sys/RouteLLM <c>routellm/evals/mmlu</c>): one CSV per subject,
/// <c>prompt, &lt;weak model&gt;, &lt;strong model&gt;</c> with True/False correctness. The subject (from the file
/// name) becomes the task; prompts listed in <c>mmlu_contaminated_prompts.jsonl</c> (either side of a pair) are
/// dropped. The data has no costs, so each model's cost is its relative price: 0 for the weak, 1 for the strong,
/// which makes "cost" the share of calls sent to the strong model.
/// </summary>
public static class RouteLlmMmlu
{
    public const string Weak = "mistralai/Mixtral-8x7B-Instruct-v0.1";
    public const string Strong = "gpt-4-1106-preview";

    public static RoutingDataset Load(string directory)
    {
        var folder = Path.Combine(directory, "mmlu_responses");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{directory}: no mmlu_responses folder");
        var contaminated = Contaminated(Path.Combine(directory, "mmlu_contaminated_prompts.jsonl"));
        var samples = new List<RoutingSample>();
        foreach (var file in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var subject = Path.GetFileNameWithoutExtension(file);
            using var reader = new StreamReader(file);
            using var rows = CsvRows.Read(reader).GetEnumerator();
            if (!rows.MoveNext()) continue;
            var header = rows.Current;
            int Col(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{file}: no '{name}' column");
            int p = Col("prompt"), w = Col(Weak), s = Col(Strong);
            var row = 0;
            while (rows.MoveNext())
            {
                var r = rows.Current;
                if (r.Length <= Math.Max(p, Math.Max(w, s)) || contaminated.Contains(r[p])) { row++; continue; }
                samples.Add(new RoutingSample($"{subject}/{row++}", r[p].Trim(), subject,
                    [Bool(r[w]), Bool(r[s])], [0, 1]));
            }
        }
        return new RoutingDataset([Weak, Strong], samples);
    }

    private static float Bool(string cell) => cell.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? 1f : 0f;

    private static HashSet<string> Contaminated(string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return set;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            foreach (var key in new[] { "eval_prompt", "train_prompt" })
                if (doc.RootElement.TryGetProperty(key, out var v) && v.GetString() is { } text) set.Add(text);
        }
        return set;
    }
}
