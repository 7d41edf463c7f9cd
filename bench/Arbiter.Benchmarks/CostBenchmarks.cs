using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>CostCalculator.Cost on the usage of the bench answer (plain) and of the large one (with cached input).</summary>
[MemoryDiagnoser]
public class CostBenchmarks
{
    // bench/arbiter-bench.yaml's price for gpt-4o-mini.
    private static readonly PriceConfig Price = new() { Input = 0.15m, Output = 0.60m, CachedInput = 0.075m };
    private TokenUsage _usage = null!;

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _usage = OpenAIResponseReader.ReadCompletion(CompletionBodies.Of(Body), "gpt-4o-mini").Usage!;
    }

    [Benchmark]
    public decimal? Cost() => CostCalculator.Cost(_usage, Price);
}
