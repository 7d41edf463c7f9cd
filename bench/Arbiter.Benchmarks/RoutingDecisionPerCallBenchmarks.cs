using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Arbiter.Benchmarks;

/// <summary>
/// The same decisions as <see cref="RoutingDecisionBenchmarks"/>, timed one call per measurement (invocation count 1,
/// no unrolling, outliers kept) so P95, P99 and Max are percentiles of single decisions, not of iteration means. Each measurement
/// includes the harness's timer overhead (tens of nanoseconds), so the figures are upper bounds.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCall))]
public class RoutingDecisionPerCallBenchmarks
{
    private sealed class PerCall : ManualConfig
    {
        public PerCall()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(200).WithIterationCount(5000).WithLaunchCount(1).WithOutlierMode(OutlierMode.DontRemove).WithId("PerCall"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        }
    }

    private readonly RoutingDecisionBenchmarks _inner = new();

    [ParamsAllValues]
    public RouteKind Target { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inner.Target = Target;
        _inner.Setup();
    }

    [Benchmark]
    public Core.Routing.RoutePlan RoutingDecision() => _inner.RoutingDecision();
}
