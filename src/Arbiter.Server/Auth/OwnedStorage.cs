using Arbiter.Storage;

namespace Arbiter.Server.Auth;

/// <summary>Storage opened by the host, closed with the host's services (after the request log's final flush).</summary>
internal sealed class OwnedStorage(ArbiterStorage storage) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => storage.DisposeAsync();
}
