using Arbiter.Core.Chat;

namespace Arbiter.Core.Providers;

/// <summary>
/// One configured provider (an upstream account or server) speaking one wire protocol.
/// Failures are thrown as <see cref="Errors.ArbiterException"/> with the provider named and no secret in the
/// message. A stream that fails before its first chunk throws from the first <c>MoveNextAsync</c>, so the
/// caller can still fall back; a failure after that throws mid-enumeration.
/// </summary>
public interface IChatProvider
{
    /// <summary>The provider's configured name (the key under <c>providers:</c>).</summary>
    string Name { get; }

    /// <summary>The wire protocol's name, one of <see cref="ProviderTypes"/>.</summary>
    string Type { get; }

    /// <param name="request">The canonical request; its <c>Model</c> is the client's, not the upstream's.</param>
    /// <param name="upstreamModel">The provider's own id of the model to call.</param>
    ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken);

    /// <summary>Streams the answer. The last chunk carries usage when the provider reports it.</summary>
    IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken);
}
