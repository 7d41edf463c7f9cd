using System.Globalization;

namespace Arbiter.Server.Http;

/// <summary>
/// The numbers in x-arbiter-* headers, formatted on every answer. Standard formats written on the stack, then trimmed:
/// custom format strings ("0.###") are parsed on each call, which showed in the hot path's profile.
/// </summary>
internal static class HeaderValues
{
    /// <summary>A cost in USD to ten decimals, trailing zeros dropped; "unpriced" for a model without a price: never a silent $0.</summary>
    public static string Cost(decimal? cost)
    {
        if (cost is not decimal c) return "unpriced";
        Span<char> chars = stackalloc char[48];
        return c.TryFormat(chars, out var written, "F10", CultureInfo.InvariantCulture)
            ? new string(chars[..written].TrimEnd('0').TrimEnd('.'))
            : c.ToString("0.##########", CultureInfo.InvariantCulture); // beyond 37 digits: no cost is that large
    }

    /// <summary>
    /// Milliseconds with three decimals, rounded to the microsecond (never negative: a clock step must not show as negative
    /// overhead). In integers from the ticks: a double's "F3" formatting was the header's main cost.
    /// </summary>
    public static string Milliseconds(TimeSpan t)
    {
        var micros = t.Ticks <= 0 ? 0 : t.Ticks / 10 + (t.Ticks % 10 >= 5 ? 1 : 0);
        Span<char> chars = stackalloc char[24];
        (micros / 1000).TryFormat(chars, out var n, default, CultureInfo.InvariantCulture);
        var fraction = (int)(micros % 1000);
        chars[n] = '.';
        chars[n + 1] = (char)('0' + fraction / 100);
        chars[n + 2] = (char)('0' + fraction / 10 % 10);
        chars[n + 3] = (char)('0' + fraction % 10);
        return new string(chars[..(n + 4)]);
    }
}
