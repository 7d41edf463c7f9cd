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

    /// <summary>Milliseconds with three decimals (never negative: a clock step must not show as negative overhead).</summary>
    public static string Milliseconds(TimeSpan t) => Math.Max(0, t.TotalMilliseconds).ToString("F3", CultureInfo.InvariantCulture);
}
