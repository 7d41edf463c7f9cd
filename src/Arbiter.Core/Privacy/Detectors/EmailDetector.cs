using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>E-mail addresses with a dotted domain and an alphabetic top-level domain (not <c>user@localhost</c>, not <c>v@2.0</c>).</summary>
public sealed partial class EmailDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.Email;
    protected override Regex Pattern => Email();

    protected override bool IsValid(ReadOnlySpan<char> match)
    {
        var local = match[..match.IndexOf('@')];
        return local[0] != '.' && local[^1] != '.' && !local.Contains("..", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Email();
}
