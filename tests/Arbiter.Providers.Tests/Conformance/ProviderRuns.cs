using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Providers.Tests.Conformance;

/// <summary>Runs a request against an adapter, streamed or not as the request says; a stream is folded back into one answer.</summary>
public static class ProviderRuns
{
    public static async Task<ChatResponse> RunAsync(IChatProvider provider, ChatRequest request, string upstreamModel)
    {
        if (!request.Stream) return await provider.CompleteAsync(request, upstreamModel, CancellationToken.None);
        var acc = new ChatStreamAccumulator();
        await foreach (var chunk in provider.StreamAsync(request, upstreamModel, CancellationToken.None)) acc.Add(chunk);
        return acc.ToResponse();
    }
}
