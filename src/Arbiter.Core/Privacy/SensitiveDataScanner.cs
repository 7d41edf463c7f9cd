using System.Text;
using Arbiter.Core.Privacy.Detectors;

namespace Arbiter.Core.Privacy;

/// <summary>
/// Runs the detectors of the chosen kinds over a text. Where findings overlap, the kind listed first in
/// <see cref="SensitiveKinds.All"/> wins (a card number is not also a phone number).
/// </summary>
public sealed class SensitiveDataScanner
{
    private readonly ISensitiveDataDetector[] _detectors;

    /// <param name="kinds">The kinds to look for; every kind when null.</param>
    public SensitiveDataScanner(IEnumerable<string>? kinds = null)
    {
        var wanted = new HashSet<string>(kinds ?? SensitiveKinds.All, StringComparer.Ordinal);
        _detectors = AllDetectors().Where(d => wanted.Contains(d.Kind)).ToArray();
    }

    /// <summary>Runs every detector once, so the first request does not pay for JIT inside a regex timeout.</summary>
    public static void WarmUp() => new SensitiveDataScanner().Scan("warm up a@b.io +1 415 555 0100 4111 1111 1111 1111 GB82 WEST 1234 5698 7654 32 078-05-1120 sk-abcdefghijklmnopqrstuvwxyz");

    public static IEnumerable<ISensitiveDataDetector> AllDetectors() =>
        [new ApiKeyDetector(), new CardNumberDetector(), new IbanDetector(), new NationalIdDetector(), new EmailDetector(), new PhoneDetector()];

    /// <summary>The findings in order of position, without overlaps.</summary>
    public List<SensitiveMatch> Scan(string text)
    {
        var found = new List<SensitiveMatch>();
        if (string.IsNullOrEmpty(text)) return found;
        foreach (var d in _detectors)
        {
            var mine = new List<SensitiveMatch>();
            d.Find(text, mine);
            foreach (var m in mine)
                if (!found.Exists(f => f.Start < m.End && m.Start < f.End)) found.Add(m); // earlier detectors take precedence
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The text with each finding replaced by <c>[REDACTED:kind]</c>; the same instance when nothing was found.</summary>
    public string Redact(string text, List<string>? kindsFound = null)
    {
        var found = Scan(text);
        if (found.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in found)
        {
            sb.Append(text, at, m.Start - at).Append("[REDACTED:").Append(m.Kind).Append(']');
            at = m.End;
            if (kindsFound is not null && !kindsFound.Contains(m.Kind)) kindsFound.Add(m.Kind);
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }
}
