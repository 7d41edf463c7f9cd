using System.Buffers;
using System.Text.Json;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Buffers;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>The client's chat.completion body, written as ChatCompletionsEndpoint does (pooled buffer of 2 KB, writer per request).</summary>
[MemoryDiagnoser]
public class ResponseWriteBenchmarks
{
    private ChatResponse _response = null!;

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _response = OpenAIResponseReader.ReadCompletion(CompletionBodies.Of(Body), "gpt-4o-mini");
    }

    [Benchmark]
    public int ResponseWrite()
    {
        var buffer = new PooledBufferWriter(2048);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) OpenAIResponseWriter.WriteCompletion(w, _response);
        var (bytes, length) = buffer.Detach();
        ArrayPool<byte>.Shared.Return(bytes);
        return length;
    }
}
