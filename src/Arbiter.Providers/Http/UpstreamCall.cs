using System.Buffers;
using System.Text.Json;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Http;

/// <summary>Sends one upstream request and reads its answer, turning every failure into an <see cref="ArbiterException"/>.</summary>
internal static class UpstreamCall
{
    /// <summary>Lets an adapter add what its provider puts in the error body (e.g. Gemini's retry delay) to the generic error.</summary>
    public delegate ArbiterError ErrorRefiner(ArbiterError error, string body);

    /// <summary>Returns the response once its headers arrived with a success status; the caller disposes it.</summary>
    public static async ValueTask<HttpResponseMessage> SendAsync(UpstreamTarget upstream, HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await Send(upstream.Http, request, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArbiterException)
        {
            throw UpstreamErrors.FromException(upstream.Provider, ex, ct);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await FailureAsync(upstream, response, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// One non-streamed call in a single async frame: sends <paramref name="request"/> (disposed here), checks the
    /// status, reads the JSON answer whole and translates it from its bytes (<see cref="ReadJsonAsync"/>).
    /// </summary>
    /// <param name="state">What <paramref name="translate"/> needs besides the JSON (a static lambda: no closure per call).</param>
    public static async ValueTask<T> CompleteAsync<TState, T>(UpstreamTarget upstream, HttpRequestMessage request, TState state,
        Func<ReadOnlyMemory<byte>, TState, T> translate, CancellationToken ct)
    {
        using (request)
        {
            // Sent here rather than through SendAsync, whose frame a non-streamed call would otherwise pay as well.
            HttpResponseMessage response;
            try
            {
                response = await Send(upstream.Http, request, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ArbiterException)
            {
                throw UpstreamErrors.FromException(upstream.Provider, ex, ct);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode) throw await FailureAsync(upstream, response, ct).ConfigureAwait(false);
                return await ReadJsonAsync(response, state, translate, upstream.Provider, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>As <see cref="CompleteAsync{TState,T}"/>, for a translation that reads a parsed document.</summary>
    public static ValueTask<T> CompleteDocumentAsync<TState, T>(UpstreamTarget upstream, HttpRequestMessage request, TState state,
        Func<JsonElement, TState, T> translate, CancellationToken ct) =>
        CompleteAsync(upstream, request, (state, translate), static (json, s) =>
        {
            using var doc = JsonDocument.Parse(json);
            return s.translate(doc.RootElement, s.state);
        }, ct);

    // A bare invoker's handler answers at the headers; an HttpClient must be told to, or it buffers the body.
    private static Task<HttpResponseMessage> Send(HttpMessageInvoker http, HttpRequestMessage request, CancellationToken ct) =>
        http is HttpClient client ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct) : http.SendAsync(request, ct);

    /// <summary>The error for a failed status, from the status, the headers and (refined, for some providers) the body.</summary>
    private static async ValueTask<ArbiterException> FailureAsync(UpstreamTarget upstream, HttpResponseMessage response, CancellationToken ct)
    {
        if (upstream.Refine is not { } refine) return await UpstreamErrors.FromResponseAsync(upstream.Provider, response, upstream.Secrets, upstream.Time, ct).ConfigureAwait(false);
        // The body is read twice (generic message, then the refiner's details): buffer it first.
        var body = "";
        try
        {
            await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
        }
        var error = await UpstreamErrors.FromResponseAsync(upstream.Provider, response, upstream.Secrets, upstream.Time, ct).ConfigureAwait(false);
        return refine(error.Error, body).ToException();
    }

    /// <summary>Answers larger than this are refused rather than buffered (no chat completion comes near it).</summary>
    internal const int MaxAnswerBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads a JSON answer whole into a pooled buffer, then translates it from its bytes; an unreadable or broken body
    /// is an upstream error. The buffer goes back to the pool when <paramref name="translate"/> returns, so nothing it
    /// returns may keep the memory.
    /// </summary>
    /// <param name="state">What <paramref name="translate"/> needs besides the JSON (a static lambda: no closure per call).</param>
    private static async ValueTask<T> ReadJsonAsync<TState, T>(HttpResponseMessage response, TState state, Func<ReadOnlyMemory<byte>, TState, T> translate,
        string provider, CancellationToken ct)
    {
        var expected = response.Content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(expected is > 0 and <= MaxAnswerBytes ? (int)expected.Value : 4096);
        try
        {
            // The handler's content hands over its stream at once: the asynchronous variant only adds a Task per call.
            await using var body = response.Content.ReadAsStream(ct);
            var length = 0;
            while (length != expected)
            {
                if (length == buffer.Length) buffer = Grow(buffer, length);
                var read = await body.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }
            return translate(buffer.AsMemory(0, length), state);
        }
        catch (Exception ex)
        {
            throw UpstreamErrors.FromException(provider, ex, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        if (length >= MaxAnswerBytes) throw new InvalidDataException($"the answer is larger than {MaxAnswerBytes / (1024 * 1024)} MiB");
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(length * 2, MaxAnswerBytes));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
