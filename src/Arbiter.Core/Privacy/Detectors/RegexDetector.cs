using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>A detector that takes the matches of a regex that pass <see cref="IsValid"/> (a checksum, a range).</summary>
public abstract class RegexDetector : ISensitiveDataDetector
{
    /// <summary>
    /// Every detector regex gives up after this (wall time, so generous enough for a busy machine): a prompt crafted
    /// to be slow to scan must not hold a request. A timeout counts as a finding: when in doubt, protect.
    /// </summary>
    public const int TimeoutMs = 500;

    public abstract string Kind { get; }
    protected abstract Regex Pattern { get; }

    protected virtual bool IsValid(ReadOnlySpan<char> match) => true;

    public void Find(string text, List<SensitiveMatch> into)
    {
        try
        {
            foreach (var m in Pattern.EnumerateMatches(text))
                if (IsValid(text.AsSpan(m.Index, m.Length))) into.Add(new SensitiveMatch(Kind, m.Index, m.Length));
        }
        catch (RegexMatchTimeoutException)
        {
            // Treated as a finding over the whole text: when in doubt, protect.
            into.Add(new SensitiveMatch(Kind, 0, text.Length));
        }
    }
}
