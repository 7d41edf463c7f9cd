using System.Text.Json;

namespace Arbiter.Learning.Data;

/// <summary>
/// Arbiter's own training format, one JSON object per line, one line per (prompt, model) outcome:
/// <code>{"prompt": "...", "model": "gpt-4o-mini", "score": 1, "cost_usd": 0.00042, "task": "support", "prompt_id": "r-17"}</code>
/// <c>prompt</c>, <c>model</c> and <c>score</c> (0..1; ≥ 0.5 counts as a good answer) are required; <c>cost_usd</c>,
/// <c>task</c> and <c>prompt_id</c> are optional. Lines with the same <c>prompt_id</c> (or, without one, the same
/// prompt text) are one prompt; a model with no line for a prompt has no recorded outcome there (NaN), which
/// training skips.
/// </summary>
public static class FeedbackLog
{
    public static RoutingDataset Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static RoutingDataset Read(TextReader reader, string source)
    {
        var rows = new List<(string Key, string Prompt, string Task, string Model, float Score, double Cost)>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                var prompt = Required(o, "prompt").GetString() ?? "";
                var model = Required(o, "model").GetString() ?? "";
                var score = Required(o, "score").GetDouble();
                if (score is < 0 or > 1 || model.Length == 0) throw new InvalidDataException("score must be in [0, 1] and model non-empty");
                var cost = o.TryGetProperty("cost_usd", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN;
                var task = o.TryGetProperty("task", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                var key = o.TryGetProperty("prompt_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : prompt;
                rows.Add((key, prompt, task, model, (float)score, cost));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{source}: line {lineNo}: {ex.Message}", ex);
            }
        }
        var models = rows.Select(r => r.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var samples = rows.GroupBy(r => r.Key, StringComparer.Ordinal).Select(g =>
        {
            var scores = Enumerable.Repeat(float.NaN, models.Count).ToArray();
            var costs = Enumerable.Repeat(double.NaN, models.Count).ToArray();
            foreach (var r in g)
            {
                var m = models.IndexOf(r.Model);
                scores[m] = r.Score; // a later line for the same prompt and model wins
                costs[m] = r.Cost;
            }
            var first = g.First();
            return new RoutingSample(g.Key, PromptText.LastBlockOf(first.Prompt), first.Task, scores, costs);
        }).ToList();
        return new RoutingDataset(models, samples);
    }

    private static JsonElement Required(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : throw new InvalidDataException($"missing '{name}'");
}
