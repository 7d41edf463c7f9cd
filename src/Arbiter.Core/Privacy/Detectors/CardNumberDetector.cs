using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>Payment card numbers: 13 to 19 digits (spaces or dashes allowed), a known issuer prefix, and a valid Luhn check digit.</summary>
public sealed partial class CardNumberDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.Card;
    protected override Regex Pattern => Card();

    protected override bool IsValid(ReadOnlySpan<char> match)
    {
        Span<int> digits = stackalloc int[19];
        var n = 0;
        foreach (var c in match)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == 19) return false;
            digits[n++] = c - '0';
        }
        return n >= 13 && KnownIssuer(digits[..n]) && Luhn(digits[..n]);
    }

    public static bool Luhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1 && (d *= 2) > 9) d -= 9;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro: a Luhn-valid run of other digits is more likely an id.</summary>
    private static bool KnownIssuer(ReadOnlySpan<int> d)
    {
        var two = d[0] * 10 + d[1];
        var four = two * 100 + d[2] * 10 + d[3];
        return d[0] == 4 || two is >= 51 and <= 55 || four is >= 2221 and <= 2720 || two is 34 or 37
            || four == 6011 || two is 64 or 65 || two == 35 || two is 36 or 38 or 30 || two == 62 || two is 50 or 56 or 57 or 58 or 67;
    }

    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Card();
}
