using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Core.Orchestration.Workers;

namespace Arbiter.Core.Tests.Orchestration;

public sealed class OrchestratorRunnerTests
{
    /// <summary>Plans two sub-tasks; sub-task a's result from the fast tier is sent to a stronger model, the rest accepted.</summary>
    private static string Answer(string model, Arbiter.Core.Chat.ChatRequest request)
    {
        var system = OrchestrationKit.System(request);
        var user = OrchestrationKit.LastUser(request);
        if (system.StartsWith("You are an orchestrator. Split", StringComparison.Ordinal))
            return """{"subtasks":[{"id":"a","task":"find the numbers","tier":"fast"},{"id":"b","task":"write the summary","tier":"general"}]}""";
        if (system.StartsWith("You are a worker", StringComparison.Ordinal)) return $"{model} did: {user[(user.LastIndexOf(':') + 2)..]}";
        if (system.StartsWith("You check", StringComparison.Ordinal))
            return user.Contains("cheap did", StringComparison.Ordinal)
                ? """{"verdict":"escalate","reason":"numbers are wrong"}"""
                : """{"verdict":"accept","reason":"fine"}""";
        if (system.StartsWith("You are an orchestrator. Compose", StringComparison.Ordinal)) return "final: " + user.Length;
        throw new InvalidOperationException("unexpected request: " + system);
    }

    [Fact]
    public async Task RunAsync_PlanDelegationsAndVerdicts_RecordedAndEscalatedSubtaskMovesToAStrongerModel()
    {
        var kit = new OrchestrationKit(Answer);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));

        var result = await runner.RunAsync("planner", new OrchestratorConfig { Model = "top" }, OrchestrationKit.Ask("Summarise the quarter."), kit.Budget(), default);

        Assert.Null(result.Error);
        Assert.StartsWith("final: ", result.Response!.Choices[0].Message.Text);
        Assert.Equal("top", result.ServedModel!.Name);
        var plan = result.Metadata["plan"]!.AsArray();
        Assert.Equal(["a", "b"], plan.Select(p => p!["id"]!.GetValue<string>()));
        var delegations = result.Metadata["delegations"]!.AsArray();
        var a = delegations.Single(d => d!["id"]!.GetValue<string>() == "a")!;
        Assert.Equal(["cheap", "mid"], a["tries"]!.AsArray().Select(t => t!["model"]!.GetValue<string>()));
        Assert.Equal(["escalate", "accept"], a["tries"]!.AsArray().Select(t => t!["verdict"]!.GetValue<string>()));
        Assert.Equal("mid", a["accepted_model"]!.GetValue<string>());
        var b = delegations.Single(d => d!["id"]!.GetValue<string>() == "b")!;
        Assert.Equal("mid", b["accepted_model"]!.GetValue<string>()); // the cheapest model of the general tier
        Assert.True(result.Trace.Escalated);
        Assert.True(result.Metadata["complete"]!.GetValue<bool>());
        Assert.Empty(result.Metadata["unaccepted"]!.AsArray());
        Assert.Equal(0.000015m, result.Trace.FanOutCostUsd); // cheap's rejected try (checks are the verification, not redundancy)
        Assert.Contains("\"verdict\":\"escalate\"", result.Trace.DetailsJson);
        Assert.Equal(new[] { "plan", "worker:a", "worker:b", "check:a", "check:b", "worker:a", "check:a", "compose" }.Order(), result.Trace.Calls.Select(c => c.Role).Order());
        // The composer only saw accepted results.
        var compose = kit.Provider.Requests.Single(r => OrchestrationKit.System(r.Request).StartsWith("You are an orchestrator. Compose", StringComparison.Ordinal));
        Assert.DoesNotContain("cheap did", OrchestrationKit.LastUser(compose.Request));
    }

    [Fact]
    public async Task RunAsync_NoUsablePlan_WholeRequestIsOneSubtaskOnTheWeakestTier()
    {
        var kit = new OrchestrationKit((model, request) => OrchestrationKit.System(request).StartsWith("You check", StringComparison.Ordinal)
            ? """{"verdict":"accept","reason":"ok"}""" : "not a plan");
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));

        var result = await runner.RunAsync("planner", new OrchestratorConfig { Model = "top" }, OrchestrationKit.Ask("Do it."), kit.Budget(), default);

        var only = Assert.Single(result.Metadata["delegations"]!.AsArray())!;
        Assert.Equal("cheap", only["accepted_model"]!.GetValue<string>());
    }

    /// <summary>Sub-task a ("find the numbers") is sent up on every model; b is accepted.</summary>
    private static string NeverAcceptA(string model, Arbiter.Core.Chat.ChatRequest request) =>
        OrchestrationKit.System(request).StartsWith("You check", StringComparison.Ordinal)
            ? OrchestrationKit.LastUser(request).Contains("find the numbers", StringComparison.Ordinal)
                ? """{"verdict":"escalate","reason":"still wrong"}""" : """{"verdict":"accept","reason":"fine"}"""
            : Answer(model, request);

    private static bool IsCompose(Arbiter.Core.Chat.ChatRequest r) => OrchestrationKit.System(r).StartsWith("You are an orchestrator. Compose", StringComparison.Ordinal);

    [Fact]
    public async Task RunAsync_SubtaskEscalatedPastTheStrongestModel_RequestFailsNamingItAndNothingIsComposed()
    {
        var kit = new OrchestrationKit(NeverAcceptA);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));

        var result = await runner.RunAsync("planner", new OrchestratorConfig { Model = "top", MaxAttempts = 5 }, OrchestrationKit.Ask("Summarise the quarter."), kit.Budget(), default);

        Assert.Null(result.Response);
        Assert.Equal("orchestration_incomplete", result.Error!.Code);
        Assert.Equal(Arbiter.Core.Errors.ErrorKind.UpstreamError, result.Error.Kind);
        Assert.Contains("a (find the numbers): escalate on top: still wrong (no stronger model)", result.Error.Message);
        Assert.DoesNotContain(kit.Provider.Requests, r => IsCompose(r.Request));
        Assert.False(result.Metadata["complete"]!.GetValue<bool>());
        Assert.Equal(["a"], result.Metadata["unaccepted"]!.AsArray().Select(n => n!.GetValue<string>()));
        var a = result.Metadata["delegations"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == "a")!;
        Assert.Equal(["cheap", "mid", "top"], a["tries"]!.AsArray().Select(t => t!["model"]!.GetValue<string>()));
        Assert.Contains("\"unaccepted\":[\"a\"]", result.Trace.DetailsJson); // the request log has it too
    }

    [Fact]
    public async Task RunAsync_SubtaskNeverAcceptedWithDisclose_ComposerToldItIsNotDoneAndNeverSeesItsResults()
    {
        var kit = new OrchestrationKit(NeverAcceptA);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));
        var config = new OrchestratorConfig { Model = "top", MaxAttempts = 5, OnIncomplete = IncompletePolicies.Disclose };

        var result = await runner.RunAsync("planner", config, OrchestrationKit.Ask("Summarise the quarter."), kit.Budget(), default);

        Assert.Null(result.Error);
        var text = result.Response!.Choices[0].Message.Text;
        Assert.StartsWith("final: ", text);
        Assert.EndsWith("\n\nNot done (no result passed the orchestrator's check):\n[a] find the numbers", text); // said in the answer itself
        Assert.False(result.Metadata["complete"]!.GetValue<bool>());
        Assert.Equal(["a"], result.Metadata["unaccepted"]!.AsArray().Select(n => n!.GetValue<string>()));
        var compose = Assert.Single(kit.Provider.Requests, r => IsCompose(r.Request)).Request;
        var shown = OrchestrationKit.LastUser(compose);
        Assert.Contains("Not done (no result passed your check):\n[a] find the numbers", shown);
        Assert.Contains("mid did: write the summary", shown);
        Assert.DoesNotContain("did: find the numbers", shown); // no rejected result of a reaches the answer
        Assert.Contains("do not present them as done", OrchestrationKit.System(compose));
    }

    [Fact]
    public async Task RunAsync_DiscloseWithJsonResponseFormat_AnswerLeftValidJsonAndMetadataSaysIncomplete()
    {
        var kit = new OrchestrationKit(NeverAcceptA);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));
        var config = new OrchestratorConfig { Model = "top", MaxAttempts = 5, OnIncomplete = IncompletePolicies.Disclose };
        var ask = OrchestrationKit.Ask("Summarise the quarter.") with { ResponseFormat = new Arbiter.Core.Chat.ResponseFormat { Kind = Arbiter.Core.Chat.ResponseFormatKind.JsonObject } };

        var result = await runner.RunAsync("planner", config, ask, kit.Budget(), default);

        Assert.DoesNotContain("Not done", result.Response!.Choices[0].Message.Text);
        Assert.False(result.Metadata["complete"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunAsync_DiscloseAndComposerRefused_JoinedAnswerSaysWhatIsNotDone()
    {
        var kit = new OrchestrationKit(NeverAcceptA);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));
        // Every check and worker fits under $1; the composer keeps the client's max_tokens, so its estimate (100,000
        // output tokens at $100 per million) does not.
        var config = new OrchestratorConfig { Model = "top", MaxAttempts = 5, OnIncomplete = IncompletePolicies.Disclose };
        var ask = OrchestrationKit.Ask("Summarise the quarter.") with { MaxOutputTokens = 100_000 };

        var result = await runner.RunAsync("planner", config, ask, kit.Budget(maxCostUsd: 1m), default);

        Assert.Null(result.Error);
        Assert.False(result.Metadata["composed"]!.GetValue<bool>());
        var text = result.Response!.Choices[0].Message.Text;
        Assert.StartsWith("mid did: write the summary", text);
        Assert.EndsWith("Not done (no result passed the orchestrator's check):\n[a] find the numbers", text);
    }

    [Theory]
    [InlineData(IncompletePolicies.Fail)]
    [InlineData(IncompletePolicies.Disclose)]
    public async Task RunAsync_CheckRefusedByTheGovernor_ResultNeverUsed(string policy)
    {
        var kit = new OrchestrationKit(Answer);
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));
        // The plan ($0.0015 at top's price) is the needed call; workers' estimates (cheap, mid) fit under $0.03, a check
        // on top (its prompt plus 200 output tokens at $100 per million) does not.
        var config = new OrchestratorConfig { Model = "top", OnIncomplete = policy };

        var result = await runner.RunAsync("planner", config, OrchestrationKit.Ask("Summarise the quarter."), kit.Budget(maxCostUsd: 0.03m), default);

        Assert.Null(result.Response);
        Assert.Equal("orchestration_incomplete", result.Error!.Code);
        Assert.Contains("no sub-task result was accepted", result.Error.Message);
        Assert.Equal(0, kit.Provider.Requests.Count(r => OrchestrationKit.System(r.Request).StartsWith("You check", StringComparison.Ordinal)));
        Assert.Equal(2, kit.Provider.Requests.Count(r => OrchestrationKit.System(r.Request).StartsWith("You are a worker", StringComparison.Ordinal)));
        var tries = result.Metadata["delegations"]!.AsArray().SelectMany(d => d!["tries"]!.AsArray()).ToList();
        Assert.All(tries, t => Assert.Equal(Verdicts.Unchecked, t!["verdict"]!.GetValue<string>()));
        Assert.All(tries, t => Assert.Contains("governor refused", t!["reason"]!.GetValue<string>()));
        Assert.Contains(result.Trace.Calls, c => c.Role == "check:a" && c.Note!.StartsWith("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CheckGivesNoVerdict_ResultNotUsedAndTheNextAttemptIsChecked()
    {
        var checks = 0;
        var kit = new OrchestrationKit((model, request) =>
            OrchestrationKit.System(request).StartsWith("You check", StringComparison.Ordinal)
                ? Interlocked.Increment(ref checks) == 1 ? "looks fine to me" : """{"verdict":"accept","reason":"fine"}"""
                : OrchestrationKit.System(request).StartsWith("You are an orchestrator. Split", StringComparison.Ordinal)
                    ? """{"subtasks":[{"id":"a","task":"find the numbers","tier":"fast"}]}"""
                    : Answer(model, request));
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));

        var result = await runner.RunAsync("planner", new OrchestratorConfig { Model = "top" }, OrchestrationKit.Ask("Count."), kit.Budget(), default);

        Assert.Null(result.Error);
        var a = Assert.Single(result.Metadata["delegations"]!.AsArray())!;
        Assert.Equal([Verdicts.Unchecked, Verdicts.Accept], a["tries"]!.AsArray().Select(t => t!["verdict"]!.GetValue<string>()));
        Assert.Equal(2, kit.Provider.Calls("cheap"));
        Assert.True(result.Metadata["complete"]!.GetValue<bool>());
    }
}
