using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Kpis;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Fakes;
using OpenAI.Chat;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary>
/// Models working together over real wire formats: one model per loopback fake (OpenAI, Anthropic, Gemini), each
/// playing its role from a script. Every fake has its own queue, so calls to different models may overlap.
/// </summary>
public sealed class OrchestrationOverLoopbackTests : IAsyncLifetime
{
    private OpenAIFake _openai = null!;
    private AnthropicFake _anthropic = null!;
    private GeminiFake _gemini = null!;
    private GatewayHost _host = null!;

    public async Task InitializeAsync()
    {
        _openai = await OpenAIFake.StartNewAsync();
        _anthropic = await AnthropicFake.StartNewAsync();
        _gemini = await GeminiFake.StartNewAsync();
        _host = await GatewayHost.StartYamlAsync($$$"""
            providers:
              oa: { type: openai, base_url: "{{{_openai.BaseUrl}}}", api_key: "env:UPSTREAM_KEY" }
              an: { type: anthropic, base_url: "{{{_anthropic.BaseUrl}}}", api_key: "env:UPSTREAM_KEY" }
              gm: { type: gemini, base_url: "{{{_gemini.BaseUrl}}}", api_key: "env:UPSTREAM_KEY" }
            tiers:
              fast:    { quality_bar: 0.8 }
              general: { quality_bar: 0.9 }
              deep:    { quality_bar: 0.97 }
            models:
              gpt:    { provider: oa, tier: fast,    price: { input: 1, output: 1 } }
              claude: { provider: an, tier: general, price: { input: 10, output: 10 } }
              gem:    { provider: gm, tier: deep,    price: { input: 100, output: 100 } }
            ensembles:
              pair: { members: [gpt, claude], mode: vote, supervisor: gem, threshold: 0.5 }
            chains:
              brief:
                steps:
                  - { name: facts, model: gpt, prompt: "Facts of: {{input}}", validate: { type: regex, pattern: '^FACTS:' } }
                  - { name: title, model: gpt, prompt: "Title for: {{steps.facts.output}}" }
            orchestrators:
              boss: { model: gem, max_subtasks: 1 }
            """, TestConfigs.UpstreamEnv);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _openai.DisposeAsync();
        await _anthropic.DisposeAsync();
        await _gemini.DisposeAsync();
    }

    private static TextScenario Says(params string[] pieces) =>
        new(pieces, FinishReason.Stop, new TokenUsage { InputTokens = 10, OutputTokens = 5 });

    [Fact]
    public async Task Ensemble_MembersOnTwoProvidersDisagree_GeminiSupervisorDecidesAndKpisCountIt()
    {
        _openai.Enqueue(Says("The capital of Australia is Sydney, its largest city."));
        _anthropic.Enqueue(Says("Canberra."));
        _gemini.Enqueue(Says("Canberra is the capital."));

        var result = await _host.Chat("ensemble:pair").CompleteChatAsync([new UserChatMessage("Capital of Australia?")]);

        Assert.Equal("Canberra is the capital.", result.Value.Content[0].Text);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-arbiter-escalated", out var escalated) && escalated == "true");
        Assert.True(headers.TryGetValue("x-arbiter-provider", out var provider) && provider == "gm");
        // The supervisor saw both members' answers.
        Assert.Contains("Sydney", _gemini.LastRequest.Body);
        Assert.Contains("Canberra.", _gemini.LastRequest.Body);
        headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.True(record.Escalated);
        Assert.Equal(0.000165m, record.FanOutCostUsd); // both members' answers (15 tokens at $1 and at $10 per million): the supervisor's was returned
        var ensemble = await ModeFiguresAsync("ensemble");
        Assert.Equal(1, ensemble.Requests);
        Assert.Equal(1.0, ensemble.EscalationRate);
        Assert.Equal(1.0, ensemble.DisagreementRate);
        Assert.Equal(record.CostUsd, ensemble.CostUsd);
        Assert.Equal(record.FanOutCostUsd, ensemble.FanOutCostUsd);
    }

    [Fact]
    public async Task Ensemble_MembersOnTwoProvidersAgree_NoSupervisorCall()
    {
        _openai.Enqueue(Says("Canberra."));
        _anthropic.Enqueue(Says("canberra"));

        var result = await _host.Chat("ensemble:pair").CompleteChatAsync([new UserChatMessage("Capital of Australia?")]);

        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("x-arbiter-disagreement", out var d) && d == "0");
        Assert.True(headers.TryGetValue("x-arbiter-escalated", out var escalated) && escalated == "false");
        headers.TryGetValue("x-request-id", out var id);
        Assert.False((await _host.RecordAsync(id!)).Escalated);
        var ensemble = await ModeFiguresAsync("ensemble");
        Assert.Equal(0.0, ensemble.DisagreementRate);
        Assert.Equal(0.0, ensemble.EscalationRate);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Chain_StepFailsOnOpenAI_RetriedOnAnthropicAndTheLastStepServed(bool stream)
    {
        _openai.Enqueue(Says("Some facts, unlabelled."));
        _anthropic.Enqueue(Says("FACTS: the sky is blue"));
        _openai.Enqueue(Says("Blue ", "skies"));

        using var response = await _host.Http.PostAsync("/v1/chains/brief/runs",
            new StringContent($$"""{"input": "weather", "stream": {{(stream ? "true" : "false")}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var run = JsonDocument.Parse(stream ? body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)[^2]["data: ".Length..] : body).RootElement;
        Assert.Equal("Blue skies", run.GetProperty("output").GetString());
        var facts = run.GetProperty("steps")[0];
        Assert.Equal(["gpt", "claude"], facts.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("model").GetString()));
        // The title step was asked about the accepted output only.
        Assert.Contains("FACTS: the sky is blue", _openai.LastRequest.Body);
        Assert.DoesNotContain("unlabelled", _openai.LastRequest.Body);
        Assert.Equal(stream, JsonDocument.Parse(_openai.LastRequest.Body).RootElement.TryGetProperty("stream", out var s) && s.GetBoolean());
        var chain = await ModeFiguresAsync("chain");
        Assert.Equal(1.0, chain.EscalationRate);
        Assert.True(chain.FanOutCostUsd > 0);
    }

    [Fact]
    public async Task Orchestrate_PlanOnGemini_WorkerEscalatedFromOpenAIToAnthropic_VerdictsRecorded()
    {
        _gemini.Enqueue(Says("""{"subtasks":[{"id":"s1","task":"name the capital","tier":"fast"}]}"""));
        _openai.Enqueue(Says("Sydney"));
        _gemini.Enqueue(Says("""{"verdict":"escalate","reason":"wrong city"}"""));
        _anthropic.Enqueue(Says("Canberra"));
        _gemini.Enqueue(Says("""{"verdict":"accept","reason":"right"}"""));
        _gemini.Enqueue(Says("The capital is Canberra."));

        var result = await _host.Chat("orchestrate:boss").CompleteChatAsync([new UserChatMessage("Capital of Australia?")]);

        Assert.Equal("The capital is Canberra.", result.Value.Content[0].Text);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-arbiter-complete", out var complete) && complete == "true");
        Assert.DoesNotContain("Sydney", _gemini.LastRequest.Body); // the composer saw only the accepted result
        Assert.Contains("Canberra", _gemini.LastRequest.Body);
        result.GetRawResponse().Headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.Equal("orchestrate", record.Mode);
        Assert.True(record.Escalated);
        using var details = JsonDocument.Parse(record.Orchestration!.DetailsJson!);
        var tries = details.RootElement.GetProperty("delegations")[0].GetProperty("tries").EnumerateArray().ToList();
        Assert.Equal(["gpt", "claude"], tries.Select(t => t.GetProperty("model").GetString()));
        Assert.Equal(["escalate", "accept"], tries.Select(t => t.GetProperty("verdict").GetString()));
        Assert.Equal(0.000015m, record.FanOutCostUsd); // gpt's rejected try
    }

    [Fact]
    public async Task Orchestrate_SubtaskNeverAccepted_502OrchestrationIncompleteAndNothingComposed()
    {
        _gemini.Enqueue(Says("""{"subtasks":[{"id":"s1","task":"name the capital","tier":"general"}]}"""));
        _anthropic.Enqueue(Says("Sydney"));
        _gemini.Enqueue(Says("""{"verdict":"escalate","reason":"wrong city"}"""));
        _gemini.Enqueue(Says("Sydney, probably"));
        _gemini.Enqueue(Says("""{"verdict":"escalate","reason":"still wrong"}"""));

        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(
            () => _host.Chat("orchestrate:boss").CompleteChatAsync([new UserChatMessage("Capital of Australia?")]));

        Assert.Equal(502, error.Status);
        using var body = JsonDocument.Parse(error.GetRawResponse()!.Content);
        var e = body.RootElement.GetProperty("error");
        Assert.Equal("orchestration_incomplete", e.GetProperty("code").GetString());
        Assert.Contains("s1 (name the capital): escalate on gem: still wrong (no stronger model)", e.GetProperty("message").GetString());
        error.GetRawResponse()!.Headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.Equal(502, record.Status);
        Assert.Contains("\"complete\":false", record.Orchestration!.DetailsJson);
    }

    private async Task<KpiFigures> ModeFiguresAsync(string mode)
    {
        var report = (await _host.Http.GetFromJsonAsync("/admin/kpis?window=1h", KpiJsonContext.Default.KpiReport))!;
        return report.Groups[KpiDimensions.Mode].Single(g => g.Key == mode).Figures;
    }
}
