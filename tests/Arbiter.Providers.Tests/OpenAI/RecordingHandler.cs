using System.Net;
using System.Text;

namespace Arbiter.Providers.Tests.OpenAI;

/// <summary>What an adapter sent, captured before the request message is disposed.</summary>
public sealed record SentRequest(Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// An in-process upstream: records each request (URI, headers with lower-case names, body) and answers with a
/// canned body, so endpoints such as the vendors' default base URLs can be checked without any network.
/// </summary>
public sealed class RecordingHandler(string responseBody, string contentType = "application/json") : HttpMessageHandler
{
    /// <summary>A minimal OpenAI chat.completion answer.</summary>
    public const string CompletionBody = """
        {"id":"chatcmpl-rec","object":"chat.completion","created":1700000000,"model":"m",
         "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
        """;

    private readonly List<SentRequest> _requests = [];

    public IReadOnlyList<SentRequest> Requests => _requests;
    public SentRequest Last => _requests[^1];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        lock (_requests) _requests.Add(new SentRequest(request.RequestUri!, headers, body));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(responseBody, Encoding.UTF8, contentType),
        };
    }
}
