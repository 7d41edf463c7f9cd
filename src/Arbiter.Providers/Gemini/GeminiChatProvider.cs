using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Gemini;

// PLACEHOLDER: replaced by the real adapter (being written now).
internal sealed class GeminiChatProvider(ProviderSettings settings, ProviderContext context) : IChatProvider
{
    public string Name => settings.Name;
    public string Type => ProviderTypes.Gemini;
    public Task<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException(context.ToString());
    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException();
}
