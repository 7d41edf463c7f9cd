using Arbiter.Core.Errors;

namespace Arbiter.Providers.Http;

/// <summary>Sends one upstream request and turns every failure into an <see cref="ArbiterException"/>.</summary>
internal static class UpstreamCall
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
            throw await UpstreamErrors.FromResponseAsync(provider, response, secret, time, ct).ConfigureAwait(false);
    }
}
