using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Arbiter.Providers.Http;

/// <summary>
/// The server-sent events of a streamed answer, each parsed by the adapter's parser as it arrives. A broken
/// connection or an unparseable event becomes an upstream error naming the provider; what an event means (a chunk,
/// an end marker, an in-band error) is the adapter's to decide.
/// </summary>
internal static class UpstreamEvents
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(HttpResponseMessage response, SseItemParser<T> parse, string provider,
        [EnumeratorCancellation] CancellationToken ct)
    {
        Stream body;
        try { body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false); }
        catch (Exception ex) { throw UpstreamErrors.FromException(provider, ex, ct); }
        await using var _ = body;
        var events = SseParser.Create(body, parse).EnumerateAsync(ct).GetAsyncEnumerator(ct);
        await using var __ = events;
        while (true)
        {
            T item;
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false)) yield break;
                item = events.Current.Data;
            }
            catch (Exception ex) { throw UpstreamErrors.FromException(provider, ex, ct); }
            yield return item;
        }
    }

    /// <summary>The error for a stream that closed before its end marker.</summary>
    public static Core.Errors.ArbiterException EndedEarly(string provider, string marker, CancellationToken ct) =>
        UpstreamErrors.FromException(provider, new IOException($"stream ended before {marker}"), ct);
}
