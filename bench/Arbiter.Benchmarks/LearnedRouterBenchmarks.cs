using Arbiter.Learning.Data;
using Arbiter.Learning.Routing;
using Arbiter.Learning.Scoring;
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
/// <c>ScoreOneAnswer</c> is the cascade's learned answer scorer on one held-out recorded answer (question + answer
/// featurised, one classifier), trained at setup on four cheap models' recorded answers.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerRequestConfig))]
public class LearnedRouterBenchmarks
{
    private PromptRouter _router = null!;
    private RoutingSample[] _prompts = null!;
    private int _next;
    private LearnedAnswerScorer _scorer = null!;
    private (string Question, string Answer, string Task)[] _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = SharedRouterBench() ?? throw new InvalidOperationException("../shared/data/routerbench is needed for this benchmark");
        var all = RoutingDataset.Concat(Directory.GetFiles(folder, "*.csv").Order().Select(f => RouterBenchCsv.Load(f, withResponses: true)).ToList());
        var (train, test) = DatasetSplit.Split(all, 0.3, seed: 42);
        _router = PromptRouter.CostAware(RouterTrainer.Train(train, new RouterTrainerOptions()).Model, lambda: 20, margin: 0.02);
        _prompts = [.. test.Samples];
        string[] cheap = ["mistralai/mistral-7b-chat", "mistralai/mixtral-8x7b-chat", "zero-one-ai/Yi-34B-Chat", "gpt-3.5-turbo-1106"];
        _scorer = new LearnedAnswerScorer("bench", AnswerScorerTrainer.Train(train, cheap, new RouterTrainerOptions()).Model);
        var m = test.Models.ToList().IndexOf(cheap[1]);
        _answers = [.. test.Samples.Select(s => (s.Text, AnswerText.Recorded(s.Responses![m]), s.EvalName))];
    }

    [Benchmark]
    public double ScoreOneAnswer()
    {
        var a = _answers[_next++ % _answers.Length];
        return _scorer.Score(a.Question, a.Answer, a.Task);
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
