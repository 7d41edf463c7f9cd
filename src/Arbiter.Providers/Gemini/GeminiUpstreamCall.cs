using Arbiter.Core.Errors;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// <see cref="UpstreamCall"/> for Gemini: the same mapping of failures, with the error body's details also read
/// (<see cref="GeminiErrorDetails"/>), which needs the body buffered so it can be read twice.
/// </summary>
internal static class GeminiUpstreamCall
{
    /// <summary>Returns the response once its headers arrived with a success status; the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage request, string provider, string? secret, TimeProvider time, CancellationToken ct)
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
            string body;
            try
            {
                await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
                body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            }
            catch (Exception)
            {
                body = "";
            }
            var error = await UpstreamErrors.FromResponseAsync(provider, response, secret, time, ct).ConfigureAwait(false);
            throw GeminiErrorDetails.Refine(error.Error, body, provider).ToException();
        }
    }
}
