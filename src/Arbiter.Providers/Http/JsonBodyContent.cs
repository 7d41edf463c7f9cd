using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Arbiter.Core.Buffers;

namespace Arbiter.Providers.Http;

/// <summary>
/// A request body written once by a <see cref="Utf8JsonWriter"/> into a pooled buffer, sent with a Content-Length
/// and returned to the pool when the request is disposed: no intermediate string, no array per request.
/// </summary>
internal sealed class JsonBodyContent : HttpContent
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private byte[]? _buffer;
    private readonly int _length;

    private JsonBodyContent((byte[] Buffer, int Length) written)
    {
        (_buffer, _length) = written;
        Headers.ContentType = Json;
    }

    /// <summary>The body <paramref name="write"/> produces from <paramref name="state"/> (a static lambda: no closure per request).</summary>
    public static JsonBodyContent Of<TState>(TState state, Action<Utf8JsonWriter, TState> write) => new(PooledJson.Write(state, write));

    /// <summary>The body as text, for tests and diagnostics.</summary>
    public string AsText() => System.Text.Encoding.UTF8.GetString(_buffer!, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length)).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken ct) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length), ct).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } b) ArrayPool<byte>.Shared.Return(b);
        base.Dispose(disposing);
    }
}
