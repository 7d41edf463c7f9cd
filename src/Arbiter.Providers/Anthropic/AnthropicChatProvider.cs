using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.Anthropic;

/// <summary>Anthropic's Messages API (<c>POST {base_url}/v1/messages</c>), streamed and not.</summary>
internal sealed class AnthropicChatProvider : IChatProvider
{
    private readonly ProviderSettings _settings;
    private readonly ProviderContext _context;
    private readonly string _endpoint;
    private readonly string _version;

    public AnthropicChatProvider(ProviderSettings settings, ProviderContext context)
    {
        _settings = settings;
        _context = context;
        _endpoint = settings.BaseUrl + "/v1/messages";
        _version = settings.ApiVersion ?? ConfigDefaults.AnthropicVersion;
    }

    public string Name => _settings.Name;
    public string Type => ProviderTypes.Anthropic;

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: false);
        using var response = await UpstreamCall.SendAsync(_context.Http, message, Name, _settings.Secrets, _context.Time, cancellationToken).ConfigureAwait(false);
        return await UpstreamCall.ReadJsonDocumentAsync(response, (upstreamModel, created: Now()), static (root, s) => AnthropicResponseReader.Read(root, s.upstreamModel, s.created), Name, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: true);
        using var response = await UpstreamCall.SendAsync(_context.Http, message, Name, _settings.Secrets, _context.Time, cancellationToken).ConfigureAwait(false);
        var translator = new AnthropicStreamTranslator(upstreamModel, Now());
        await foreach (var item in UpstreamEvents.ReadAsync(response, (_, data) => translator.Translate(data), Name, cancellationToken).ConfigureAwait(false))
        {
            if (item.ErrorMessage is not null)
                throw UpstreamErrors.FromStreamError(Name, item.ErrorType, item.ErrorMessage, _settings.Secrets);
            if (item.Chunk is not null) yield return item.Chunk;
            if (item.IsStop) yield break;
        }
        throw UpstreamEvents.EndedEarly(Name, "message_stop", cancellationToken);
    }

    private long Now() => _context.Time.GetUtcNow().ToUnixTimeSeconds();

    private HttpRequestMessage BuildRequest(ChatRequest request, string upstreamModel, bool stream)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonBodyContent.Of((request, upstreamModel, stream), static (w, s) => AnthropicRequestWriter.Write(w, s.request, s.upstreamModel, s.stream)),
        };
        if (_settings.ApiKey is { } key) message.Headers.TryAddWithoutValidation("x-api-key", key);
        message.Headers.TryAddWithoutValidation("anthropic-version", _version);
        _settings.ApplyHeaders(message);
        return message;
    }
}
