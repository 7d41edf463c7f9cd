using System.Net;
using System.Net.Http.Headers;

namespace Arbiter.Benchmarks.Fakes;

/// <summary>An in-memory upstream: answers every request with the same bytes, no sockets.</summary>
public sealed class CannedUpstreamHandler(byte[] body, string contentType) : HttpMessageHandler
{
    private readonly MediaTypeHeaderValue _contentType = MediaTypeHeaderValue.Parse(contentType);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A socket handler serializes the request body onto the wire; do that into a sink so its cost stays measured.
        if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = _contentType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
