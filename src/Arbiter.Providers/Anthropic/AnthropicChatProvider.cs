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
    private readonly UpstreamTarget _upstream;
    private readonly string _endpoint;
    private readonly string _version;

    public AnthropicChatProvider(ProviderSettings settings, ProviderContext context)
    {
        _settings = settings;
        _upstream = UpstreamTarget.Of(settings, context);
        _endpoint = settings.BaseUrl + "/v1/messages";
        _version = settings.ApiVersion ?? ConfigDefaults.AnthropicVersion;
    }

    public string Name => _settings.Name;
    public string Type => ProviderTypes.Anthropic;

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        UpstreamCall.CompleteDocumentAsync(_upstream, BuildRequest(request, upstreamModel, stream: false), (upstreamModel, created: Now()),
            static (root, s) => AnthropicResponseReader.Read(root, s.upstreamModel, s.created), cancellationToken);

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel, stream: true);
        using var response = await UpstreamCall.SendAsync(_upstream, message, cancellationToken).ConfigureAwait(false);
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

    private long Now() => _upstream.Time.GetUtcNow().ToUnixTimeSeconds();

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
