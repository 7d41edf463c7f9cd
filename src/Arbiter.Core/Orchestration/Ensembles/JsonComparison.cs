using System.Globalization;
using System.Text.Json;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// Compares JSON answers field by field: every leaf (its path and value, strings normalised) of each answer; two
/// answers agree on the share of the union of their leaves that they hold with equal values. An answer that is not
/// JSON agrees with nothing. Where they differ: each path whose values are not all the same, with who said what.
/// </summary>
public sealed class JsonComparison : IAnswerComparison
{
    private const int DifferencesShown = 12;

    public string Name => AnswerComparisons.Json;

    public Disagreement Compare(IReadOnlyList<string> answers)
    {
        var leaves = answers.Select(Leaves).ToList();
        double total = 0;
        var pairs = 0;
        for (var i = 0; i < answers.Count; i++)
            for (var j = i + 1; j < answers.Count; j++)
            {
                total += 1 - Agreement(leaves[i], leaves[j]);
                pairs++;
            }
        var differences = new List<string>();
        for (var i = 0; i < leaves.Count; i++)
            if (leaves[i] is null) differences.Add($"answer {i + 1} is not JSON");
        var paths = leaves.Where(l => l is not null).SelectMany(l => l!.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var said = leaves.Select((l, k) => (Value: l is not null && l.TryGetValue(path, out var v) ? v : "(missing)", Answer: k + 1)).ToList();
            if (said.Select(s => s.Value).Distinct(StringComparer.Ordinal).Count() <= 1) continue;
            differences.Add(path + ": " + string.Join(" vs ", said.GroupBy(s => s.Value, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Answer))})")));
            if (differences.Count >= DifferencesShown) break;
        }
        return new Disagreement(pairs == 0 ? 0 : total / pairs, Name, differences);
    }

    public string Canonical(string answer) =>
        Leaves(answer) is { } leaves
            ? string.Join('\n', leaves.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value))
            : answer.Trim();

    /// <summary>True when the text is a JSON object or array.</summary>
    public static bool IsJson(string text) => Leaves(text) is not null;

    private static double Agreement(Dictionary<string, string>? a, Dictionary<string, string>? b)
    {
        if (a is null || b is null) return 0;
        if (a.Count == 0 && b.Count == 0) return 1;
        var same = a.Count(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
        var union = a.Count + b.Keys.Count(k => !a.ContainsKey(k));
        return (double)same / union;
    }

    private static Dictionary<string, string>? Leaves(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[')) return null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(doc.RootElement, "$", leaves);
            return leaves;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(JsonElement e, string path, Dictionary<string, string> leaves)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Flatten(p.Value, path + "." + p.Name, leaves);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Flatten(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), leaves);
                break;
            case JsonValueKind.String:
                leaves[path] = string.Join(' ', TextComparison.Words(e.GetString()!));
                break;
            case JsonValueKind.Number:
                leaves[path] = e.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : e.GetRawText();
                break;
            default:
                leaves[path] = e.GetRawText();
                break;
        }
    }
}
