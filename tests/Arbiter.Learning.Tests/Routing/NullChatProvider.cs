using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Learning.Tests.Routing;

/// <summary>A provider that is only named: routing tests never call upstream.</summary>
internal sealed class NullChatProvider(string name) : IChatProvider
{
    public string Name => name;
    public string Type => "null";
    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotSupportedException();
    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotSupportedException();
}
