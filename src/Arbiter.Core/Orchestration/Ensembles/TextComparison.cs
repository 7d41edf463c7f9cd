using System.Globalization;
using System.Text;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>
/// Compares answers as normalised words (lower case, punctuation dropped): Jaccard distance over word pairs
/// (shingles), so two answers built from the same vocabulary in a different order still differ; answers of one or
/// two words compare as whole words. Where they differ: each answer's words that no other answer has.
/// </summary>
public sealed class TextComparison : IAnswerComparison
{
    private const int DistinctWordsShown = 8;

    public string Name => AnswerComparisons.Text;

    public Disagreement Compare(IReadOnlyList<string> answers)
    {
        var words = answers.Select(Words).ToList();
        var shingles = words.Select(Shingles).ToList();
        double total = 0;
        var pairs = 0;
        var differences = new List<string>();
        for (var i = 0; i < answers.Count; i++)
            for (var j = i + 1; j < answers.Count; j++)
            {
                var distance = 1 - Jaccard(shingles[i], shingles[j]);
                total += distance;
                pairs++;
                if (distance > 0) differences.Add(string.Create(CultureInfo.InvariantCulture, $"answers {i + 1} and {j + 1}: {1 - distance:0.00} similar"));
            }
        for (var i = 0; i < answers.Count; i++)
        {
            var others = new HashSet<string>(words.Where((_, k) => k != i).SelectMany(w => w), StringComparer.Ordinal);
            var own = words[i].Where(w => !others.Contains(w)).Distinct().Take(DistinctWordsShown).ToList();
            if (own.Count > 0 && answers.Count > 1) differences.Add($"only answer {i + 1} says: {string.Join(' ', own)}");
        }
        return new Disagreement(pairs == 0 ? 0 : total / pairs, Name, differences);
    }

    public string Canonical(string answer) => string.Join(' ', Words(answer));

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static HashSet<string> Shingles(List<string> words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (words.Count <= 2) { set.Add(string.Join(' ', words)); return set; }
        for (var i = 0; i + 1 < words.Count; i++) set.Add(words[i] + " " + words[i + 1]);
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}
