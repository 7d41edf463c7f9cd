using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// An upstream chat.completion to a <see cref="ChatResponse"/>, from its bytes in memory: the adapter reads the answer
/// into a pooled buffer first (FullPipelineInProcess includes that).
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
    public ChatResponse ResponseRead() => OpenAIResponseReader.ReadCompletion(_body, "gpt-4o-mini");
}
