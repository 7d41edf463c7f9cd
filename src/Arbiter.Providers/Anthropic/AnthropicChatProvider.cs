using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Anthropic;

// PLACEHOLDER: replaced by the real adapter (being written now).
internal sealed class AnthropicChatProvider(ProviderSettings settings, ProviderContext context) : IChatProvider
{
    public string Name => settings.Name;
    public string Type => ProviderTypes.Anthropic;
    public Task<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException(context.ToString());
    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException();
}
