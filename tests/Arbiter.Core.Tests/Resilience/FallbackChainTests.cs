using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>Fallback chains: general (retryable failures), context-window overflow (pre-checked), content-policy refusals.</summary>
public sealed class FallbackChainTests
{
    private static readonly ChatRequest LongPrompt = new() { Model = "m", Messages = [ChatMessage.User(new string('x', 4000))] }; // ~1000 tokens

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_PromptLargerThanWindow_ModelSkippedWithoutACall(bool stream)
    {
        var h = new ResilienceHarness().Build(new() { ["small"] = Single("a", contextWindow: 500), ["big"] = Single("b", contextWindow: 100_000) }, NoRetries());

        var (model, attempts) = stream ? await OpenWith(h, LongPrompt, "small", "big") : await CompleteWith(h, LongPrompt, "small", "big");

        Assert.Equal("big", model);
        Assert.Equal(0, h.Provider("a").Calls);
        Assert.Equal((SkipReasons.ContextWindow, ErrorKind.ContextWindowExceeded), (attempts[0].Skipped, attempts[0].Error!.Kind));
        Assert.Equal("small/a skipped:context_window > big/b ok", FallbackChain.Describe(attempts));
    }

    [Fact]
    public async Task Complete_PromptFitsNoModel_ContextWindowExceededWithoutAnyCall()
    {
        var h = new ResilienceHarness().Build(new() { ["small"] = Single("a", contextWindow: 500) }, NoRetries());

        var outcome = await h.Drive(h.Executor.CompleteAsync(LongPrompt, h.Plan("small"), CancellationToken.None));

        Assert.Equal(ErrorKind.ContextWindowExceeded, outcome.Error!.Kind);
        Assert.Contains("500 tokens", outcome.Error.Message);
        Assert.Equal(0, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_PromptTooLarge_ContextWindowFallbackOfTheModelIsUsed()
    {
        var small = Single("a", contextWindow: 500) with { ContextWindowFallbacks = ["big"] };
        var h = new ResilienceHarness().Build(new() { ["small"] = small, ["big"] = Single("b", contextWindow: 100_000) }, NoRetries());

        var (model, _) = await CompleteWith(h, LongPrompt, "small");

        Assert.Equal("big", model);
    }

    [Fact]
    public async Task Complete_UpstreamReportsOverflow_OnlyTheContextWindowFallbackIsTried()
    {
        var m = Single("a") with { ContextWindowFallbacks = ["wide"] };
        var h = new ResilienceHarness().Build(new() { ["m"] = m, ["wide"] = Single("w"), ["next"] = Single("n") }, NoRetries());
        h.Provider("a").Then(Step.Fail(ErrorKind.ContextWindowExceeded));

        var outcome = await h.Complete(null, "m", "next");

        Assert.Equal("wide", outcome.Model!.Name);
        Assert.Equal(0, h.Provider("n").Calls);
    }

    [Fact]
    public async Task Complete_UpstreamReportsOverflow_NoFallbackConfigured_ClientGetsTheOverflow()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["next"] = Single("n") }, NoRetries());
        h.Provider("a").Then(Step.Fail(ErrorKind.ContextWindowExceeded));

        var outcome = await h.Complete(null, "m", "next");

        Assert.Equal(ErrorKind.ContextWindowExceeded, outcome.Error!.Kind);
        Assert.Equal(0, h.Provider("n").Calls);
    }

    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_ContentRefused_ContentPolicyFallbackAnswers(bool stream)
    {
        var m = Single("a") with { ContentPolicyFallbacks = ["lenient"] };
        var h = new ResilienceHarness().Build(new() { ["m"] = m, ["lenient"] = Single("l") }, NoRetries());
        h.Provider("a").Then(Step.Fail(ErrorKind.ContentFiltered));

        var (model, attempts) = stream ? await OpenWith(h, Request, "m") : await CompleteWith(h, Request, "m");

        Assert.Equal("lenient", model);
        Assert.Equal("m/a content_policy > lenient/l ok", FallbackChain.Describe(attempts));
    }

    [Fact]
    public async Task Complete_AnswerIsARefusal_ContentPolicyFallbackAnswersInstead()
    {
        var m = Single("a") with { ContentPolicyFallbacks = ["lenient"] };
        var h = new ResilienceHarness().Build(new() { ["m"] = m, ["lenient"] = Single("l") }, NoRetries());
        h.Provider("a").Then(Step.Refuse);

        var outcome = await h.Complete(null, "m");

        Assert.Equal("lenient", outcome.Model!.Name);
        Assert.Equal(ErrorKind.ContentFiltered, outcome.Attempts[0].Error!.Kind);
    }

    [Fact]
    public async Task Complete_AnswerIsARefusal_NoContentPolicyFallback_RefusalReturnedAsAnswered()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a"), ["next"] = Single("n") }, NoRetries());
        h.Provider("a").Then(Step.Refuse);

        var outcome = await h.Complete(null, "m", "next");

        Assert.Equal(FinishReason.ContentFilter, outcome.Response!.Choices[0].FinishReason);
        Assert.Equal(0, h.Provider("n").Calls);
    }

    [Fact]
    public async Task Complete_ContentRefused_WithoutContentPolicyFallback_RouteDoesNotMoveOn()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") with { Fallbacks = ["g"] }, ["g"] = Single("g"), ["next"] = Single("n") }, NoRetries());
        h.Provider("a").Then(Step.Fail(ErrorKind.ContentFiltered));

        var outcome = await h.Complete(null, "m", "next");

        Assert.Equal(ErrorKind.ContentFiltered, outcome.Error!.Kind);
        Assert.Equal((0, 0), (h.Provider("g").Calls, h.Provider("n").Calls));
    }

    [Fact]
    public async Task Complete_RetryableFailure_ModelFallbacksComeBeforeTheRestOfTheRoute()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") with { Fallbacks = ["g"] }, ["g"] = Single("g"), ["next"] = Single("n") }, NoRetries());
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamError);
        h.Provider("g").Otherwise = Step.Fail(ErrorKind.UpstreamError);

        var outcome = await h.Complete(null, "m", "next");

        Assert.Equal("next", outcome.Model!.Name);
        Assert.Equal(["m", "g", "next"], outcome.Attempts.Select(a => a.Model));
    }

    [Fact]
    public async Task Complete_FallbackCycle_EachModelTriedOnce()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Single("a") with { Fallbacks = ["g"] }, ["g"] = Single("g") with { Fallbacks = ["m"] } }, NoRetries());
        h.Provider("a").Otherwise = Step.Fail();
        h.Provider("g").Otherwise = Step.Fail();

        var outcome = await h.Complete(null, "m");

        Assert.Equal(ErrorKind.UpstreamError, outcome.Error!.Kind);
        Assert.Equal(["m", "g"], outcome.Attempts.Select(a => a.Model));
    }

    private static async Task<(string Model, IReadOnlyList<Attempt> Attempts)> CompleteWith(ResilienceHarness h, ChatRequest request, params string[] models)
    {
        var outcome = await h.Drive(h.Executor.CompleteAsync(request, h.Plan(models), CancellationToken.None));
        return (outcome.Model?.Name ?? "none", outcome.Attempts);
    }

    private static async Task<(string Model, IReadOnlyList<Attempt> Attempts)> OpenWith(ResilienceHarness h, ChatRequest request, params string[] models)
    {
        await using var outcome = await h.Drive(h.Executor.OpenStreamAsync(request, h.Plan(models), CancellationToken.None));
        return (outcome.Model?.Name ?? "none", outcome.Attempts);
    }
}
