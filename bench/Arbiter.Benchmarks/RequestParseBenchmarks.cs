using System.Buffers;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Chat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>Client body bytes to a canonical <see cref="ChatRequest"/>: JsonDocument.Parse + OpenAIRequestReader.Read.</summary>
[MemoryDiagnoser]
public class RequestParseBenchmarks
{
    private ReadOnlySequence<byte> _body;

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup() => _body = new ReadOnlySequence<byte>(RequestBodies.Of(Body));

    [Benchmark]
    public ChatRequest RequestParse() => RequestParsing.Parse(_body);
}
