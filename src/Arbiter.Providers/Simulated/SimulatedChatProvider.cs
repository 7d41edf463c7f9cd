using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Simulated;

// PLACEHOLDER, written next.
internal sealed class SimulatedChatProvider(string name, int seed, IReadOnlyDictionary<string, SimulationConfig> models, TimeProvider time) : IChatProvider
{
    public string Name => name;
    public string Type => ProviderTypes.Simulated;
    public Task<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException($"{seed}{models}{time}");
    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => throw new NotImplementedException();
}
