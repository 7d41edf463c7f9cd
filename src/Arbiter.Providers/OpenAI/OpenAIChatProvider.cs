using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Providers;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.OpenAI;

/// <summary>OpenAI chat completions, and every OpenAI-compatible server through its <see cref="OpenAICompatibleProfile"/>.</summary>
internal sealed class OpenAIChatProvider : IChatProvider
{
    private readonly ProviderSettings _settings;
    private readonly OpenAICompatibleProfile _profile;
    private readonly UpstreamTarget _upstream;
    private readonly OpenAIRequestWriteOptions _writeOptions;
    private readonly Uri _endpoint; // parsed once: a Uri per request would be parsed per request

    public OpenAIChatProvider(ProviderSettings settings, OpenAICompatibleProfile profile, ProviderContext context)
    {
        _settings = settings;
        _profile = profile;
        _upstream = UpstreamTarget.Of(settings, context);
        _writeOptions = new OpenAIRequestWriteOptions { MaxTokensField = profile.MaxTokensField, IncludeModel = !profile.DeploymentInUrl };
        _endpoint = new Uri(settings.BaseUrl + "/chat/completions");
    }

    public string Name => _settings.Name;
    public string Type => ProviderTypes.OpenAI;

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        UpstreamCall.CompleteAsync(_upstream, BuildRequest(request, upstreamModel), upstreamModel,
            static (json, model) => OpenAIResponseReader.ReadCompletion(json.Span, model), cancellationToken);

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(
        ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var message = BuildRequest(request, upstreamModel);
        using var response = await UpstreamCall.SendAsync(_upstream, message, cancellationToken).ConfigureAwait(false);
        ChatStreamChunk? previous = null;
        await foreach (var item in UpstreamEvents.ReadAsync(response, (_, data) => OpenAIStreamEvent.Parse(data, upstreamModel, previous), Name, cancellationToken).ConfigureAwait(false))
        {
            previous = item.Chunk ?? previous;
            if (item.IsDone) yield break;
            if (item.ErrorMessage is not null)
                throw UpstreamErrors.FromStreamError(Name, item.ErrorType, item.ErrorMessage, _settings.Secrets);
            if (item.Chunk is not null) yield return item.Chunk;
        }
        throw UpstreamEvents.EndedEarly(Name, "[DONE]", cancellationToken);
    }

    private HttpRequestMessage BuildRequest(ChatRequest request, string upstreamModel)
    {
        var url = _profile.DeploymentInUrl
            ? new Uri($"{_settings.BaseUrl}/openai/deployments/{Uri.EscapeDataString(upstreamModel)}/chat/completions?api-version={Uri.EscapeDataString(_settings.ApiVersion ?? Core.Config.ConfigDefaults.AzureApiVersion)}")
            : _endpoint;
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonBodyContent.Of((request, upstreamModel, _writeOptions), static (w, s) => OpenAIRequestWriter.Write(w, s.request, s.upstreamModel, s._writeOptions)),
        };
        if (_settings.ApiKey is { } key)
        {
            if (_profile.Auth == AuthStyle.ApiKeyHeader) message.Headers.TryAddWithoutValidation("api-key", key);
            else message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        _settings.ApplyHeaders(message);
        return message;
    }
}
