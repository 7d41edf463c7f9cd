namespace Arbiter.Storage;

/// <summary>
/// Costs are stored as whole nano-dollars (1e-9 USD) in a 64-bit integer: sums are exact in both engines (SQLite has
/// no decimal type, and a float sum would drift), a single call is off by at most half a nano-dollar, and the
/// range is ±9.2 billion USD.
/// </summary>
internal static class NanoUsd
{
    private const decimal PerUsd = 1_000_000_000m;

    public static long? From(decimal? usd) => usd is decimal d ? (long)Math.Round(d * PerUsd, MidpointRounding.AwayFromZero) : null;

    public static decimal ToUsd(decimal nano) => nano / PerUsd;
}
