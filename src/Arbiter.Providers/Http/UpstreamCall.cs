using System.Text.Json;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Http;

/// <summary>Sends one upstream request and reads its answer, turning every failure into an <see cref="ArbiterException"/>.</summary>
internal static class UpstreamCall
{
    /// <summary>Lets an adapter add what its provider puts in the error body (e.g. Gemini's retry delay) to the generic error.</summary>
    public delegate ArbiterError ErrorRefiner(ArbiterError error, string body);

    /// <summary>Returns the response once its headers arrived with a success status; the caller disposes it.</summary>
    public static async ValueTask<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string provider,
        IReadOnlyList<string> secrets, TimeProvider time, CancellationToken ct, ErrorRefiner? refine = null)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ArbiterException)
        {
            throw UpstreamErrors.FromException(provider, ex, ct);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            if (refine is null) throw await UpstreamErrors.FromResponseAsync(provider, response, secrets, time, ct).ConfigureAwait(false);
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
            var error = await UpstreamErrors.FromResponseAsync(provider, response, secrets, time, ct).ConfigureAwait(false);
            throw refine(error.Error, body).ToException();
        }
    }

    /// <summary>Parses a JSON answer and translates it; an unreadable or broken body is an upstream error.</summary>
    /// <param name="state">What <paramref name="translate"/> needs besides the JSON (a static lambda: no closure per call).</param>
    public static async ValueTask<T> ReadJsonAsync<TState, T>(HttpResponseMessage response, TState state, Func<JsonElement, TState, T> translate,
        string provider, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            using var doc = await JsonDocument.ParseAsync(body, default, ct).ConfigureAwait(false);
            return translate(doc.RootElement, state);
        }
        catch (Exception ex)
        {
            throw UpstreamErrors.FromException(provider, ex, ct);
        }
    }
}
