using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Benchmarks.Fakes;

/// <summary>A provider that is never called: routing only needs something to attach models to.</summary>
public sealed class DummyChatProvider(string name) : IChatProvider
{
    public string Name => name;
    public string Type => ProviderTypes.OpenAI;

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the routing benchmark does not call providers");

    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the routing benchmark does not call providers");
}
