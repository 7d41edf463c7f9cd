using System.Text;
using Arbiter.Core.Chat;
using Arbiter.Learning.Data;
using Arbiter.Learning.Scoring;
using Arbiter.Learning.Training;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;
using OpenAI.Chat;

namespace Arbiter.Server.Tests.Learned;

/// <summary>
/// A cascade route whose <c>scorer</c> gate uses a learned answer scorer (trained at start on recorded answers
/// where a hedging answer is a bad one), in front of a loopback OpenAI-compatible upstream, through the OpenAI SDK.
/// </summary>
public sealed class CascadeScorerThroughSdkTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arbiter-scorer-gw-" + Guid.NewGuid().ToString("N"));
    private OpenAIFake _upstream = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        AnswerScorerTrainer.Train(RecordedAnswers(), null, new RouterTrainerOptions { CharNgrams = 0, L2 = 0.1f }).Save(_dir);
        _upstream = await OpenAIFake.StartNewAsync();
        _host = await GatewayHost.StartYamlAsync($$"""
            providers:
              upstream: { type: openai, base_url: "{{_upstream.BaseUrl}}", api_key: "env:UPSTREAM_KEY" }
            tiers:
              fast:    { quality_bar: 0.8 }
              general: { quality_bar: 0.9 }
            models:
              small: { provider: upstream, tier: fast,    price: { input: 1, output: 1 } }
              big:   { provider: upstream, tier: general, price: { input: 10, output: 10 } }
            quality:
              default: { small: 0.85, big: 0.95 }
            scorers:
              answers: { type: learned, model_dir: "{{_dir}}" }
            routes:
              scored:
                strategy: cascade
                tiers: [fast, general]
                gates: [empty, scorer]
                scorer: { name: answers, min_score: 0.5 }
            """, TestConfigs.UpstreamEnv);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static TextScenario Says(string text) => new([text], FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 5 });

    private Task<string> AskAsync(bool stream) => _host.AskTextAsync("scored", "please add 12 and 30", stream);

    [Theory, InlineData(false), InlineData(true)]
    public async Task ScorerGate_HedgingCheapAnswer_EscalatesToTheNextTier(bool stream)
    {
        _upstream.Enqueue(Says("i am unsure, maybe"));
        _upstream.Enqueue(Says("the answer is 42"));

        var text = await AskAsync(stream);

        Assert.Equal("the answer is 42", text);
        var record = await _host.LatestRecordAsync();
        Assert.Equal("big", record.ServedModel);
        Assert.Contains("small rejected: scorer (scorer ", record.Decision);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task ScorerGate_ConfidentCheapAnswer_IsKept(bool stream)
    {
        _upstream.Enqueue(Says("the answer is 42"));

        var text = await AskAsync(stream);

        Assert.Equal("the answer is 42", text);
        var record = await _host.LatestRecordAsync();
        Assert.Equal("small", record.ServedModel);
        Assert.Contains("small accepted", record.Decision);
    }

    /// <summary>Recorded outcomes of two models: good answers state a result, bad ones hedge.</summary>
    private static RoutingDataset RecordedAnswers()
    {
        var random = new Random(5);
        var samples = new List<RoutingSample>();
        for (var i = 0; i < 160; i++)
        {
            var text = i % 2 == 0 ? $"please add {random.Next(100)} and {random.Next(100)}" : $"write a sonnet about the {random.Next(100)} stars";
            float a = random.NextDouble() < 0.6 ? 1 : 0;
            float b = random.NextDouble() < 0.9 ? 1 : 0;
            samples.Add(new RoutingSample($"s{i}", text, "", [a, b], [1e-6, 20e-6])
            {
                Responses = [a > 0 ? "['the answer is 42']" : "['i am unsure, maybe']", b > 0 ? "['the result is 7']" : "['i do not know']"],
            });
        }
        return new RoutingDataset(["small", "big"], samples);
    }
}
