using Arbiter.Core.Cascade;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Tests.Cascade;

public sealed class CascadeRunnerTests
{
    // USD per million: a = 1/1, b = 10/10, c = 100/100; each answer is 1000 input + 100 output tokens.
    private const decimal CostA = 1100m / 1_000_000m, CostB = 11_000m / 1_000_000m;
    private readonly ScriptedProvider _provider = new();
    private readonly ModelCatalog _models;
    private readonly ChatExecutor _executor = new(TimeProvider.System, TimeSpan.FromSeconds(10));

    public CascadeRunnerTests()
    {
        var config = new ArbiterConfig
        {
            Providers = { ["scripted"] = new ProviderConfig { Type = "fake" } },
            Models =
            {
                ["a"] = new ModelConfig { Provider = "scripted", Price = new PriceConfig { Input = 1, Output = 1 } },
                ["b"] = new ModelConfig { Provider = "scripted", Price = new PriceConfig { Input = 10, Output = 10 } },
                ["c"] = new ModelConfig { Provider = "scripted", Price = new PriceConfig { Input = 100, Output = 100 } },
                ["free"] = new ModelConfig { Provider = "scripted" },
            },
        };
        _models = new ModelCatalog(config, new Dictionary<string, IChatProvider> { ["scripted"] = _provider });
    }

    private RoutePlan Plan(RouteConfig? settings = null, params string[] stages) =>
        new("r", stages.Select(s => _models[s]).ToList(), "cascade:r") { Mode = RouteMode.Cascade, Settings = settings ?? new RouteConfig() };

    private CascadeRunner Runner(params IAnswerScorer[] scorers) => new(_executor, CascadeRunner.BuiltInGates(_executor, _models, scorers));

    private static ChatRequest Ask(bool stream = false) => new() { Model = "r", Messages = [ChatMessage.User("q")], Stream = stream };

    [Fact]
    public async Task Run_FirstStagePasses_AcceptedWithOnlyItsCost()
    {
        _provider.Answer("a", "fine").Answer("b", "better");

        var outcome = await Runner().RunAsync(Ask(), Plan(null, "a", "b"), streamLastStage: false, CancellationToken.None);

        Assert.Equal("a", outcome.Model!.Name);
        Assert.Equal(CostA, outcome.SpentUsd);
        Assert.Equal(0, outcome.Escalations);
        Assert.Equal(["a"], _provider.Calls.Select(c => c.Model));
        Assert.Equal("cascade:r | a accepted", outcome.Decision);
    }

    [Fact]
    public async Task Run_TruncatedThenEmpty_EscalatesTwiceAndPaysForAll()
    {
        _provider.Answer("a", "cut", FinishReason.Length).Answer("b", "  ").Answer("c", "deep");

        var outcome = await Runner().RunAsync(Ask(), Plan(null, "a", "b", "c"), streamLastStage: false, CancellationToken.None);

        Assert.Equal("c", outcome.Model!.Name);
        Assert.Equal(2, outcome.Escalations);
        Assert.Equal(CostA + CostB + 110_000m / 1_000_000m, outcome.SpentUsd);
        Assert.Equal("cascade:r | a rejected: truncation (truncated) | b rejected: empty (empty) | c accepted (last stage)", outcome.Decision);
        Assert.Equal([false, false, true], outcome.Stages.Select(s => s.Accepted));
    }

    [Fact]
    public async Task Run_CostCapReachedAfterFirstStage_BestAnswerSoFarNoFurtherCalls()
    {
        _provider.Answer("a", "cut", FinishReason.Length).Answer("b", "better");

        var outcome = await Runner().RunAsync(Ask(), Plan(new RouteConfig { CostCapUsd = 0.001m }, "a", "b"), streamLastStage: false, CancellationToken.None);

        Assert.Equal("a", outcome.Model!.Name);
        Assert.Equal(["a"], _provider.Calls.Select(c => c.Model));
        Assert.Equal("cascade:r | a rejected: truncation (truncated) | cap $0.001 reached | returning a", outcome.Decision);
    }

    [Fact]
    public async Task Run_Streaming_CheapStagesBufferedLastStageLeftToStream()
    {
        _provider.Answer("a", "cut", FinishReason.Length).Answer("b", "better");

        var outcome = await Runner().RunAsync(Ask(stream: true), Plan(null, "a", "b"), streamLastStage: true, CancellationToken.None);

        Assert.Null(outcome.Response);
        Assert.Equal("b", outcome.StreamStage!.Candidates.Single().Name);
        Assert.Equal([("a", false)], _provider.Calls); // a buffered (not streamed); b not called yet
        Assert.Equal(1, outcome.Escalations);
        Assert.Equal(CostA, outcome.SpentUsd);
    }

    [Fact]
    public async Task Run_UnpricedStage_TotalUnknownNeverZero()
    {
        _provider.Answer("free", "cut", FinishReason.Length).Answer("b", "better");

        var outcome = await Runner().RunAsync(Ask(), Plan(null, "free", "b"), streamLastStage: false, CancellationToken.None);

        Assert.Equal("b", outcome.Model!.Name);
        Assert.Null(outcome.SpentUsd);
    }

    [Fact]
    public async Task Run_RetryableFailure_NextStage_NonRetryable_Stops()
    {
        _provider.Fail("a", ErrorKind.UpstreamError).Answer("b", "ok");
        var retried = await Runner().RunAsync(Ask(), Plan(null, "a", "b"), false, CancellationToken.None);
        Assert.Equal("b", retried.Model!.Name);

        _provider.Fail("a", ErrorKind.UpstreamBadRequest);
        var stopped = await Runner().RunAsync(Ask(), Plan(null, "a", "b"), false, CancellationToken.None);
        Assert.Null(stopped.Response);
        Assert.Equal(ErrorKind.UpstreamBadRequest, stopped.Error!.Kind);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_FailedStageThenNext_AFallbackNotAnEscalation(bool stream)
    {
        _provider.Fail("a", ErrorKind.UpstreamError).Answer("b", "ok");

        var outcome = await Runner().RunAsync(Ask(stream), Plan(null, "a", "b"), streamLastStage: stream, CancellationToken.None);

        Assert.Equal(0, outcome.Escalations);
        Assert.True(outcome.Stages[0].Failed);
        Assert.False(outcome.Stages[0].Rejected);
        if (stream) Assert.Equal("b", outcome.StreamStage!.Candidates.Single().Name);
        else
        {
            // The request record counts the failure once: as a fallback (a failed call, then another model).
            var record = new Arbiter.Core.RequestLog.RequestRecord
            {
                RequestId = "x", StartedAt = DateTimeOffset.UnixEpoch, RequestedModel = "r", Status = 200,
                Attempts = outcome.Attempts, Escalations = outcome.Escalations,
            };
            Assert.True(Arbiter.Core.Kpis.RequestFacts.FellBackIn(record));
            Assert.False(Arbiter.Core.Kpis.RequestFacts.Of(record, Arbiter.Core.Kpis.KpiPricing.From([]), null).Escalated);
        }
    }

    [Fact]
    public async Task Run_FailedThenRejectedThenAccepted_OneFallbackOneEscalation()
    {
        _provider.Fail("a", ErrorKind.UpstreamError).Answer("b", "cut", FinishReason.Length).Answer("c", "deep");

        var outcome = await Runner().RunAsync(Ask(), Plan(null, "a", "b", "c"), streamLastStage: false, CancellationToken.None);

        Assert.Equal("c", outcome.Model!.Name);
        Assert.Equal(1, outcome.Escalations); // b -> c; a -> b was a fallback
        Assert.Equal([true, false, false], outcome.Stages.Select(s => s.Failed));
        Assert.Equal([false, true, false], outcome.Stages.Select(s => s.Rejected));
    }

    [Fact]
    public async Task Run_RejectedLastRecordedStageCapReached_NoEscalation()
    {
        _provider.Answer("a", "cut", FinishReason.Length).Answer("b", "better");

        var outcome = await Runner().RunAsync(Ask(), Plan(new RouteConfig { CostCapUsd = 0.001m }, "a", "b"), streamLastStage: false, CancellationToken.None);

        Assert.Equal(0, outcome.Escalations); // rejected, but nothing stronger was asked
    }

    private sealed class FixedScorer(double score) : IAnswerScorer
    {
        public string Name => "fixed";
        public ValueTask<double> ScoreAsync(ChatRequest request, ChatResponse response, ModelEntry model, CancellationToken cancellationToken) =>
            ValueTask.FromResult(response.Model == "a" ? score : 1.0);
    }

    [Theory]
    [InlineData(0.3, "b", "a rejected: scorer (scorer 0.3 < 0.5)")]
    [InlineData(0.8, "a", "a accepted")]
    public async Task Run_LearnedScorerHook_DecidesEscalation(double score, string served, string decision)
    {
        _provider.Answer("a", "fine").Answer("b", "better");
        var settings = new RouteConfig { Gates = [QualityGates.Scorer], Scorer = new ScorerConfig { Name = "fixed", MinScore = 0.5 } };

        var outcome = await Runner(new FixedScorer(score)).RunAsync(Ask(), Plan(settings, "a", "b"), false, CancellationToken.None);

        Assert.Equal(served, outcome.Model!.Name);
        Assert.Contains(decision, outcome.Decision);
    }

    [Fact]
    public async Task Run_JudgeFailsThenScorerRejects_EscalationOnlyNotAFallback()
    {
        _provider.Answer("a", "fine").Answer("b", "better").Fail("c", ErrorKind.UpstreamError);
        var settings = new RouteConfig
        {
            Gates = [QualityGates.Judge, QualityGates.Scorer],
            Judge = new JudgeConfig { Model = "c" },
            Scorer = new ScorerConfig { Name = "fixed", MinScore = 0.5 },
        };

        var outcome = await Runner(new FixedScorer(0.3)).RunAsync(Ask(), Plan(settings, "a", "b"), false, CancellationToken.None);

        Assert.Equal("b", outcome.Model!.Name);
        Assert.Equal(1, outcome.Escalations);
        var judged = outcome.Attempts.Where(a => a.Model == "c").ToList();
        Assert.NotEmpty(judged);
        Assert.All(judged, a => Assert.Equal(AttemptPurposes.Judge, a.Purpose));
        Assert.All(outcome.Attempts.Where(a => a.Model != "c"), a => Assert.Null(a.Purpose));
        var record = new Arbiter.Core.RequestLog.RequestRecord
        {
            RequestId = "x", StartedAt = DateTimeOffset.UnixEpoch, RequestedModel = "r", Status = 200,
            Attempts = outcome.Attempts, Escalations = outcome.Escalations,
        };
        Assert.False(Arbiter.Core.Kpis.RequestFacts.FellBackIn(record)); // the judge's failure moved nothing
    }

    [Fact]
    public async Task Run_ScorerNotRegistered_PassesRatherThanEscalateEverything()
    {
        _provider.Answer("a", "fine").Answer("b", "better");
        var settings = new RouteConfig { Gates = [QualityGates.Scorer], Scorer = new ScorerConfig { Name = "missing" } };

        var outcome = await Runner().RunAsync(Ask(), Plan(settings, "a", "b"), false, CancellationToken.None);

        Assert.Equal("a", outcome.Model!.Name);
    }
}
