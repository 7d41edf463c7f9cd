using System.Buffers;
using System.Text.Json;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Buffers;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Providers.OpenAI;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// The upstream request body, written as the OpenAI adapter's JsonBodyContent does: a fresh pooled buffer and
/// writer per request, the rented array returned when the request is disposed.
/// </summary>
[MemoryDiagnoser]
public class RequestWriteBenchmarks
{
    // The generic openai-compatible profile, which bench/arbiter-bench.yaml uses.
    private static readonly OpenAIRequestWriteOptions WriteOptions = new()
    {
        MaxTokensField = OpenAICompatibleProfiles.Generic.MaxTokensField,
        IncludeModel = !OpenAICompatibleProfiles.Generic.DeploymentInUrl,
    };

    private ChatRequest _request = null!;

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup() => _request = RequestParsing.Parse(new ReadOnlySequence<byte>(RequestBodies.Of(Body)));

    [Benchmark]
    public int RequestWrite()
    {
        var output = new PooledBufferWriter();
        using (var w = new Utf8JsonWriter(output, JsonWriting.Options)) OpenAIRequestWriter.Write(w, _request, _request.Model, WriteOptions);
        var (buffer, length) = output.Detach();
        ArrayPool<byte>.Shared.Return(buffer);
        return length;
    }
}
