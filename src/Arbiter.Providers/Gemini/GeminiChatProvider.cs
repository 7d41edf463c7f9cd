using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
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
    private readonly ProviderContext _context;
    private readonly string _apiRoot;

    public GeminiChatProvider(ProviderSettings settings, ProviderContext context)
    {
        _settings = settings;
        _context = context;
        // A base URL that already names the API version (…/v1beta, …/v1) is used as it is.
        _apiRoot = settings.BaseUrl.EndsWith("/" + ApiVersion, StringComparison.Ordinal) || settings.BaseUrl.EndsWith("/v1", StringComparison.Ordinal)
            ? settings.BaseUrl
            : settings.BaseUrl + "/" + ApiVersion;
    }

    public string Name => _settings.Name;
    public string Type => ProviderTypes.Gemini;

    public async Task<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: false);
        using var response = await GeminiUpstreamCall.SendAsync(_context.Http, message, Name, _settings.ApiKey, _context.Time, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var doc = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            return GeminiResponseReader.Read(doc.RootElement, Name, upstreamModel, Now());
        }
        catch (Exception ex)
        {
            throw UpstreamErrors.FromException(Name, ex, cancellationToken);
        }
    }

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: true);
        using var response = await GeminiUpstreamCall.SendAsync(_context.Http, message, Name, _settings.ApiKey, _context.Time, cancellationToken).ConfigureAwait(false);
        Stream body;
        try { body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) { throw UpstreamErrors.FromException(Name, ex, cancellationToken); }
        await using var _ = body;
        var translator = new GeminiStreamTranslator(Name, _settings.ApiKey, upstreamModel, Now());
        var events = SseParser.Create(body, (_, data) => translator.Translate(data))
            .EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var __ = events;
        while (true)
        {
            ChatStreamChunk? chunk;
            try
            {
                if (!await events.MoveNextAsync().ConfigureAwait(false)) break;
                chunk = events.Current.Data;
            }
            catch (Exception ex) { throw UpstreamErrors.FromException(Name, ex, cancellationToken); }
            if (chunk is not null) yield return chunk;
        }
        // Gemini ends a stream by closing it, without a marker: only a finish reason shows the answer is whole.
        if (!translator.IsComplete)
            throw UpstreamErrors.FromException(Name, new IOException("stream ended before a finish reason"), cancellationToken);
        if (translator.UsageChunk() is { } usage) yield return usage;
    }

    private HttpRequestMessage BuildRequest(ChatRequest request, string upstreamModel, bool stream)
    {
        var url = $"{_apiRoot}/{ModelPath(upstreamModel)}:{(stream ? "streamGenerateContent?alt=sse" : "generateContent")}";
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new JsonBodyContent(w => GeminiRequestWriter.Write(w, request, Name)),
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

    private long Now() => _context.Time.GetUtcNow().ToUnixTimeSeconds();
}
