using System.Globalization;
using Arbiter.Core.Errors;
using Arbiter.Core.Kpis;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Dashboard;

/// <summary>
/// The query string of /admin/kpis: <c>window</c> (15m, 1h, 24h, 7d: the last span of time; default 24h) or
/// <c>from</c>/<c>to</c> (ISO 8601), <c>buckets</c> (time-series steps, 1-500) and <c>recent</c> (latest requests, 0-1000).
/// </summary>
internal sealed record KpiQuery(KpiWindow Window, int Buckets, int Recent)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    public static KpiQuery Parse(IQueryCollection q, DateTimeOffset now)
    {
        var buckets = Int(q, "buckets", KpiCalculator.DefaultBuckets, 1, 500);
        var recent = Int(q, "recent", KpiCalculator.DefaultRecent, 0, 1000);
        var from = q["from"].ToString();
        var to = q["to"].ToString();
        if (from.Length == 0 && to.Length == 0)
        {
            var text = q["window"].ToString();
            var length = text.Length == 0 ? DefaultWindow : Duration(text)
                ?? throw Bad("window", $"'{text}' is not a window length: give a number and a unit, e.g. 15m, 1h, 24h or 7d.");
            return new KpiQuery(KpiWindow.Last(length, now), buckets, recent);
        }
        var start = Time(from, "from");
        var end = to.Length == 0 ? now : Time(to, "to");
        if (end <= start) throw Bad("to", "'to' must be later than 'from'.");
        return new KpiQuery(new KpiWindow(start, end), buckets, recent);
    }

    /// <summary>"90s", "15m", "1h", "7d", "2w"; null when not such a length or not positive.</summary>
    public static TimeSpan? Duration(string text)
    {
        if (text.Length < 2 || !double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1e6)
            return null;
        return char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => null,
        };
    }

    private static DateTimeOffset Time(string text, string param) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
            : throw Bad(param, $"'{text}' is not an ISO 8601 time (e.g. 2026-11-23T18:00:00Z).");

    private static int Int(IQueryCollection q, string name, int fallback, int min, int max)
    {
        var text = q[name].ToString();
        if (text.Length == 0) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
            : throw Bad(name, $"'{name}' must be a whole number from {min} to {max}, got '{text}'.");
    }

    private static ArbiterException Bad(string param, string message) =>
        new ArbiterError(ErrorKind.InvalidRequest, message) { Param = param }.ToException();
}
