using System.Buffers;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.OpenAIFormat;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>
/// Writes OpenAI's SSE stream straight into Kestrel's pipe: <c>data: {chunk}</c> events, <c>data: [DONE]</c> at
/// the end, or an error event (and no [DONE]) when the upstream fails after the first byte. Usage-only chunks
/// reach the client only when it asked for them (stream_options.include_usage). Writing and sending are separate
/// so that events already in hand go out in one send.
/// </summary>
internal sealed class SseResponseWriter(HttpResponse response, bool clientWantsUsage)
{
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;
    private static ReadOnlySpan<byte> Done => "data: [DONE]\n\n"u8;
    private readonly Utf8JsonWriter _json = new(Stream.Null, JsonWriting.Options);
    private bool _started;

    /// <summary>Writes one event into the response pipe without sending it; <see cref="FlushAsync"/> sends what is written.</summary>
    public void WriteChunk(ChatStreamChunk chunk)
    {
        if (chunk.Choices.Count == 0 && !clientWantsUsage) return; // a usage-only chunk the client did not ask for
        Start();
        var pipe = response.BodyWriter;
        pipe.Write(DataPrefix);
        _json.Reset(pipe);
        OpenAIResponseWriter.WriteChunk(_json, chunk, clientWantsUsage);
        _json.Flush();
        pipe.Write(EventEnd);
    }

    public async ValueTask FlushAsync(CancellationToken ct) => await response.BodyWriter.FlushAsync(ct);

    /// <summary>
    /// Ends the stream with <c>data: [DONE]</c> and completes the response: the event and the chunked body's end go
    /// out in one send (a flush here sent the end in a second one). Nothing can be written after it.
    /// </summary>
    public async ValueTask WriteDoneAsync(CancellationToken ct)
    {
        Start();
        response.BodyWriter.Write(Done);
        await response.CompleteAsync();
        ct.ThrowIfCancellationRequested(); // a client gone before the end was not served, as when this was a flush
    }

    /// <summary>Ends a broken stream with <c>data: {"error": {...}}</c>; a client already gone is not an error.</summary>
    public async ValueTask TryWriteErrorAsync(ArbiterError error, CancellationToken ct)
    {
        try
        {
            Start();
            var pipe = response.BodyWriter;
            pipe.Write(DataPrefix);
            _json.Reset(pipe);
            OpenAIErrorWriter.Write(_json, error);
            _json.Flush();
            pipe.Write(EventEnd);
            await pipe.FlushAsync(ct);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    private void Start()
    {
        if (_started) return;
        _started = true;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["x-accel-buffering"] = "no"; // keep reverse proxies from buffering the stream
    }
}
