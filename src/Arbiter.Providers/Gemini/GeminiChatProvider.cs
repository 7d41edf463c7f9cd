using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Google's Gemini API (generativelanguage.googleapis.com): <c>models/{model}:generateContent</c>, and
/// <c>:streamGenerateContent?alt=sse</c> for streams. The key travels in the <c>x-goog-api-key</c> header, never
/// in the URL, so it cannot reach an access log.
/// </summary>
internal sealed class GeminiChatProvider : IChatProvider
{
    private const string ApiVersion = "v1beta";
    private readonly ProviderSettings _settings;
    private readonly UpstreamTarget _upstream;
    private readonly string _apiRoot;

    public GeminiChatProvider(ProviderSettings settings, ProviderContext context)
    {
        _settings = settings;
        // Gemini puts retry delays and key problems in the error body's details, so errors are refined from it.
        _upstream = UpstreamTarget.Of(settings, context, (error, body) => GeminiErrorDetails.Refine(error, body, settings.Name));
        // A base URL that already names the API version (…/v1beta, …/v1) is used as it is.
        _apiRoot = settings.BaseUrl.EndsWith("/" + ApiVersion, StringComparison.Ordinal) || settings.BaseUrl.EndsWith("/v1", StringComparison.Ordinal)
            ? settings.BaseUrl
            : settings.BaseUrl + "/" + ApiVersion;
    }

    public string Name => _settings.Name;
    public string Type => ProviderTypes.Gemini;

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        UpstreamCall.CompleteDocumentAsync(_upstream, BuildRequest(request, upstreamModel, stream: false), (Name, upstreamModel, created: Now()),
            static (root, s) => GeminiResponseReader.Read(root, s.Name, s.upstreamModel, s.created), cancellationToken);

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: true);
        using var response = await UpstreamCall.SendAsync(_upstream, message, cancellationToken).ConfigureAwait(false);
        var translator = new GeminiStreamTranslator(Name, _settings.Secrets, upstreamModel, Now());
        await foreach (var chunk in UpstreamEvents.ReadAsync(response, (_, data) => translator.Translate(data), Name, cancellationToken).ConfigureAwait(false))
        {
            if (chunk is not null) yield return chunk;
        }
        // Gemini ends a stream by closing it, without a marker: only a finish reason shows the answer is whole.
        if (!translator.IsComplete) throw UpstreamEvents.EndedEarly(Name, "a finish reason", cancellationToken);
        if (translator.UsageChunk() is { } usage) yield return usage;
    }

    private HttpRequestMessage BuildRequest(ChatRequest request, string upstreamModel, bool stream)
    {
        var url = $"{_apiRoot}/{ModelPath(upstreamModel)}:{(stream ? "streamGenerateContent?alt=sse" : "generateContent")}";
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonBodyContent.Of((request, Name), static (w, s) => GeminiRequestWriter.Write(w, s.request, s.Name)),
        };
        if (_settings.ApiKey is { } key) message.Headers.TryAddWithoutValidation("x-goog-api-key", key);
        _settings.ApplyHeaders(message);
        return message;
    }

    /// <summary><c>models/{id}</c>; an id already qualified (<c>models/…</c>, <c>tunedModels/…</c>) keeps its collection.</summary>
    private static string ModelPath(string upstreamModel)
    {
        var path = upstreamModel.StartsWith("models/", StringComparison.Ordinal) || upstreamModel.StartsWith("tunedModels/", StringComparison.Ordinal)
            ? upstreamModel
            : "models/" + upstreamModel;
        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private long Now() => _upstream.Time.GetUtcNow().ToUnixTimeSeconds();
}
