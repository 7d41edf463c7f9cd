using Arbiter.Learning.Data;
using Arbiter.Learning.Routing;
using Arbiter.Learning.Training;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Arbiter.Benchmarks;

/// <summary>
/// One learned-routing decision (featurise the prompt, 11 calibrated classifiers, cost-aware choice) for a held-out
/// RouterBench question; the router is trained on the RouterBench files at setup (../shared/data/routerbench). Each
/// iteration is exactly one request (monitoring strategy, one invocation), so the percentile columns are per-request.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerRequestConfig))]
public class LearnedRouterBenchmarks
{
    private PromptRouter _router = null!;
    private RoutingSample[] _prompts = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var folder = SharedRouterBench() ?? throw new InvalidOperationException("../shared/data/routerbench is needed for this benchmark");
        var all = RoutingDataset.Concat(Directory.GetFiles(folder, "*.csv").Order().Select(f => RouterBenchCsv.Load(f)).ToList());
        var (train, test) = DatasetSplit.Split(all, 0.3, seed: 42);
        _router = PromptRouter.CostAware(RouterTrainer.Train(train, new RouterTrainerOptions()).Model, lambda: 20, margin: 0.02);
        _prompts = [.. test.Samples];
    }

    [Benchmark]
    public int RouteOnePrompt()
    {
        var p = _prompts[_next++ % _prompts.Length];
        return _router.Choose(p.Text, p.EvalName);
    }

    private static string? SharedRouterBench()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "routerbench");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private sealed class PerRequestConfig : ManualConfig
    {
        public PerRequestConfig()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(200)
                .WithIterationCount(2000).WithInvocationCount(1).WithUnrollFactor(1).WithId("PerRequest"));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
        }
    }
}
