using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>
/// Phone numbers written as phone numbers: international (+ and country code) or grouped national
/// (<c>(555) 123-4567</c>, <c>555-123-4567</c>), 10 to 15 digits. Bare digit runs and dates are not phones.
/// </summary>
public sealed partial class PhoneDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.Phone;
    protected override Regex Pattern => Phone();

    protected override bool IsValid(ReadOnlySpan<char> match)
    {
        var digits = 0;
        foreach (var c in match) if (char.IsAsciiDigit(c)) digits++;
        return digits is >= 10 and <= 15;
    }

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4}|0\d{2,4}[ ]\d{3,4}[ ]\d{3,4})(?![\w-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Phone();
}
