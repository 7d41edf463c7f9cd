using System.Buffers;
using System.Text.Json;
using Arbiter.Core.Buffers;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>
/// A JSON response body written once into a pooled buffer, so it can be sent in one write with a Content-Length
/// (and headers that depend on the time it took can still be set before). Dispose returns the buffer to the pool.
/// </summary>
internal readonly struct PooledJsonBody : IDisposable
{
    private readonly byte[] _bytes;
    private readonly int _length;

    private PooledJsonBody(byte[] bytes, int length)
    {
        _bytes = bytes;
        _length = length;
    }

    public static PooledJsonBody Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, int sizeHint)
    {
        var (bytes, length) = PooledJson.Write(state, write, sizeHint);
        return new PooledJsonBody(bytes, length);
    }

    public Task SendAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = "application/json";
        response.ContentLength = _length;
        return response.Body.WriteAsync(_bytes.AsMemory(0, _length), ct).AsTask();
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);
}
