using System.Net.Http.Headers;

namespace Arbiter.Providers.Http;

/// <summary>Reads how long an upstream asked us to wait: retry-after-ms, then Retry-After (seconds or a date).</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        RetryConditionHeaderValue? value = response.Headers.RetryAfter;
        if (value?.Delta is TimeSpan delta) return delta;
        if (value?.Date is DateTimeOffset date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
