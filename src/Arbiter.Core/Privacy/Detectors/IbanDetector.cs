using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>IBANs (country code, two check digits, up to 30 letters or digits, spaces allowed) that pass the ISO 13616 mod-97 check.</summary>
public sealed partial class IbanDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.Iban;
    protected override Regex Pattern => Iban();

    protected override bool IsValid(ReadOnlySpan<char> match)
    {
        Span<char> compact = stackalloc char[34];
        var n = 0;
        foreach (var c in match)
        {
            if (c == ' ') continue;
            if (n == 34) return false;
            compact[n++] = c;
        }
        return n >= 15 && Mod97(compact[..n]) == 1;
    }

    /// <summary>The first four characters moved to the end, letters as 10..35, the whole number mod 97, digit by digit.</summary>
    public static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c) ? (remainder * 10 + (c - '0')) % 97 : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Iban();
}
