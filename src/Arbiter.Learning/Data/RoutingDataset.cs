namespace Arbiter.Learning.Data;

/// <summary>Prompts with per-model outcomes, over one fixed list of candidate models (the sample arrays' order).</summary>
public sealed record RoutingDataset(IReadOnlyList<string> Models, IReadOnlyList<RoutingSample> Samples)
{
    public IEnumerable<string> Tasks => Samples.Select(s => s.EvalName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Several files' rows as one set; every file must list the same models (in any column order).</summary>
    public static RoutingDataset Concat(IReadOnlyList<RoutingDataset> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("no data sets given", nameof(parts));
        var models = parts[0].Models;
        var samples = new List<RoutingSample>();
        foreach (var part in parts)
        {
            if (!part.Models.Order(StringComparer.Ordinal).SequenceEqual(models.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                throw new InvalidDataException($"data sets list different models: [{string.Join(", ", models)}] and [{string.Join(", ", part.Models)}]");
            var map = models.Select(m => IndexOf(part.Models, m)).ToArray();
            samples.AddRange(part.Samples.Select(s => Reorder(s, map)));
        }
        return new RoutingDataset(models, samples);
    }

    public int ModelIndex(string model) => IndexOf(Models, model);

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (string.Equals(list[i], item, StringComparison.Ordinal)) return i;
        return -1;
    }

    private static RoutingSample Reorder(RoutingSample s, int[] map) => s with
    {
        Scores = map.Select(i => s.Scores[i]).ToArray(),
        Costs = map.Select(i => s.Costs[i]).ToArray(),
        Responses = s.Responses is null ? null : map.Select(i => s.Responses[i]).ToArray(),
    };
}
