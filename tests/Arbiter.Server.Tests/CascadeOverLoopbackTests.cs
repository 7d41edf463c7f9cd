using System.ClientModel;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;
using OpenAI.Chat;

namespace Arbiter.Server.Tests;

/// <summary>Cascades in front of a loopback OpenAI-compatible upstream that plays each stage and the judge from a script.</summary>
public sealed class CascadeOverLoopbackTests : IAsyncLifetime
{
    private OpenAIFake _upstream = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
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
              judge: { provider: upstream, price: { input: 1, output: 1 } }
            quality:
              default: { small: 0.85, big: 0.95 }
            routes:
              checked: { strategy: cascade, tiers: [fast, general] }
              judged:
                strategy: cascade
                tiers: [fast, general]
                gates: [empty, judge]
                judge: { model: judge, min_score: 0.7 }
            """, TestConfigs.UpstreamEnv);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private static TextScenario Says(params string[] pieces) =>
        new(pieces, FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 5 });

    private static readonly ChatCompletionOptions JsonSchemaOptions = new()
    {
        ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("answer",
            BinaryData.FromString("""{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"],"additionalProperties":false}""")),
    };

    private Task<string> AskAsync(string route, bool stream, ChatCompletionOptions? options = null) =>
        _host.AskTextAsync(route, "Give me n.", stream, options);

    [Theory, InlineData(false), InlineData(true)]
    public async Task JsonGate_InvalidJsonFromTheCheapStage_EscalatesAndReturnsTheValidAnswer(bool stream)
    {
        _upstream.Enqueue(Says("Sure! n is 3"));
        _upstream.Enqueue(Says("{\"n\":", " 3}"));

        var text = await AskAsync("checked", stream, JsonSchemaOptions);

        Assert.Equal("{\"n\": 3}", text);
        var record = await _host.LatestRecordAsync();
        Assert.Equal("big", record.ServedModel);
        Assert.Contains("small rejected: json (invalid JSON)", record.Decision);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task JsonGate_SchemaViolation_Escalates(bool stream)
    {
        _upstream.Enqueue(Says("{\"n\": \"three\"}"));
        _upstream.Enqueue(Says("{\"n\": 3}"));

        var text = await AskAsync("checked", stream, JsonSchemaOptions);

        Assert.Equal("{\"n\": 3}", text);
        Assert.Contains("small rejected: json (schema: $.n: expected integer, got string)", (await _host.LatestRecordAsync()).Decision);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task JsonGate_ValidAnswer_AcceptedAtStageOneAndStreamedFromTheBuffer(bool stream)
    {
        _upstream.Enqueue(Says("{\"n\": 1}"));

        var text = await AskAsync("checked", stream, JsonSchemaOptions);

        Assert.Equal("{\"n\": 1}", text);
        var sent = JsonNode.Parse(_upstream.LastRequest.Body)!;
        Assert.Equal("small", sent["model"]!.GetValue<string>());
        Assert.False(sent["stream"]?.GetValue<bool>() ?? false); // the cheap stage is always buffered, even for a stream
    }

    [Fact]
    public async Task EmptyGate_Refusal_Escalates()
    {
        _upstream.Enqueue(Says("I can't help with that."));
        _upstream.Enqueue(Says("Here you go."));

        Assert.Equal("Here you go.", await AskAsync("checked", stream: false));
        Assert.Contains("small rejected: empty (refused)", (await _host.LatestRecordAsync()).Decision);
    }

    [Theory]
    [InlineData("{\"score\": 0.2}", "big", "small rejected: judge (judge 0.2 < 0.7)")]
    [InlineData("{\"score\": 0.9}", "small", "small accepted")]
    [InlineData("not a score", "small", "small accepted")]
    public async Task JudgeGate_ScoresTheCheapAnswer(string judgeSays, string served, string decision)
    {
        _upstream.Enqueue(Says("A modest answer."));
        _upstream.Enqueue(Says(judgeSays));
        _upstream.Enqueue(Says("A strong answer."));

        var result = await _host.Chat("judged").CompleteChatAsync([new UserChatMessage("Explain.")]);

        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-arbiter-model", out var model));
        Assert.Equal(served, model);
        var record = await _host.LatestRecordAsync();
        Assert.Contains(decision, record.Decision);
        Assert.Contains(record.Attempts, a => a.Model == "judge");
        if (served == "small" && judgeSays.Contains("0.9")) Assert.Equal(0.9, record.QualityScore);
    }

    [Fact]
    public async Task JudgeGate_JudgeAskedForAJsonScoreOverTheQuestionAndAnswer()
    {
        _upstream.Enqueue(Says("A modest answer."));
        _upstream.Enqueue(Says("{\"score\": 0.95}"));

        await _host.Chat("judged").CompleteChatAsync([new UserChatMessage("Explain gravity.")]);

        var judge = JsonNode.Parse(_upstream.LastRequest.Body)!;
        Assert.Equal("judge", judge["model"]!.GetValue<string>());
        Assert.Equal("json_schema", judge["response_format"]!["type"]!.GetValue<string>());
        var prompt = judge["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Contains("Explain gravity.", prompt);
        Assert.Contains("A modest answer.", prompt);
    }

    [Fact]
    public async Task CheapStageUpstreamError_NextStageAnswers()
    {
        // 401: the gateway's own key refused; retryable on another model, not retried on the same deployment.
        _upstream.Enqueue(new ErrorScenario(401, "bad key"));
        _upstream.Enqueue(Says("From the big one."));

        Assert.Equal("From the big one.", await AskAsync("checked", stream: false));
        Assert.Contains("small failed", (await _host.LatestRecordAsync()).Decision);
    }

    [Fact]
    public async Task ClientError_NotEscalated_ClientGetsIt()
    {
        _upstream.Enqueue(new ErrorScenario(400, "bad parameter"));

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => _host.Chat("checked").CompleteChatAsync([new UserChatMessage("x")]));

        Assert.Equal(400, ex.Status);
    }
}
