namespace Arbiter.Learning.Data;

/// <summary>
/// Groups prompts whose distinctive text is the same question or a near copy of it (word-set Jaccard similarity at
/// least <see cref="Similarity"/>): exact repeats (ARC has some) and Winogrande's twin sentences, which differ in one
/// or two words and have opposite answers. A split that puts one of a group on each side leaks the label, so
/// <see cref="DatasetSplit"/> keeps each group whole.
/// </summary>
public static class NearDuplicates
{
    public const double Similarity = 0.8;

    /// <summary>For each sample (by index), the index of its group's first member.</summary>
    public static int[] Groups(IReadOnlyList<RoutingSample> samples)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = samples.Select(s => Words(s.Text, words)).ToArray();
        var parent = Enumerable.Range(0, samples.Count).ToArray();
        for (var i = 0; i < sets.Length; i++)
            for (var j = i + 1; j < sets.Length; j++)
                if (MaySimilar(sets[i].Length, sets[j].Length) && Jaccard(sets[i], sets[j]) >= Similarity) Union(parent, i, j);
        var groups = new int[samples.Count];
        for (var i = 0; i < groups.Length; i++) groups[i] = Find(parent, i);
        return groups;
    }

    private static int[] Words(string text, Dictionary<string, int> ids)
    {
        var set = new SortedSet<int>();
        foreach (var w in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = w.Trim('.', ',', ';', ':', '?', '!', '"', '\'', '(', ')');
            if (word.Length == 0) continue;
            if (!ids.TryGetValue(word, out var id)) ids[word] = id = ids.Count;
            set.Add(id);
        }
        return [.. set];
    }

    // |A∩B| / |A∪B| >= s needs min/max >= s: skips most pairs without a merge.
    private static bool MaySimilar(int a, int b) => a == 0 || b == 0 ? a == b : Math.Min(a, b) >= Similarity * Math.Max(a, b);

    internal static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
