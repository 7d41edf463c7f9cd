using System.Buffers;
using System.Text.Json;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// One streamed chunk in and out. Parse replicates the OpenAI adapter's (internal) OpenAIStreamEvent.Parse on one
/// SSE data payload; Write replicates SseResponseWriter: one writer per response, reset onto the output per chunk.
/// </summary>
[MemoryDiagnoser]
public class StreamChunkBenchmarks
{
    private static ReadOnlySpan<byte> Done => "[DONE]"u8;
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;

    private byte[] _data = [];
    private ChatStreamChunk _chunk = null!;
    // Kestrel's pipe is pooled memory, so a reused output buffer is the fair stand-in.
    private readonly ArrayBufferWriter<byte> _output = new(8192);
    private readonly Utf8JsonWriter _json = new(Stream.Null, JsonWriting.Options);

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ChunkBodies.Of(Body);
        _chunk = StreamChunkParse()!;
    }

    [Benchmark]
    public ChatStreamChunk? StreamChunkParse()
    {
        ReadOnlySpan<byte> data = _data;
        if (data.SequenceEqual(Done)) return null;
        return OpenAIChunkReader.TryRead(data, "gpt-4o-mini", out var chunk) ? chunk : null;
    }

    [Benchmark]
    public int StreamChunkWrite()
    {
        _output.ResetWrittenCount();
        _output.Write(DataPrefix);
        _json.Reset(_output);
        OpenAIResponseWriter.WriteChunk(_json, _chunk, includeUsage: false);
        _json.Flush();
        _output.Write(EventEnd);
        return _output.WrittenCount;
    }
}
