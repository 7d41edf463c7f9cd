using System.Text.Json;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// An upstream chat.completion to a <see cref="ChatResponse"/>. From bytes in memory; the adapter parses from the
/// response stream (JsonDocument.ParseAsync), which FullPipelineInProcess includes.
/// </summary>
[MemoryDiagnoser]
public class ResponseReadBenchmarks
{
    private byte[] _body = [];

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup() => _body = CompletionBodies.Of(Body);

    [Benchmark]
    public ChatResponse ResponseRead()
    {
        using var doc = JsonDocument.Parse(_body);
        return OpenAIResponseReader.ReadCompletion(doc.RootElement, "gpt-4o-mini");
    }
}
