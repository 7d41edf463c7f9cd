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

    [Fact]
    public async Task RunAsync_SubtaskEscalatedPastTheStrongestModel_AnswerMarkedIncompleteNamingIt()
    {
        var kit = new OrchestrationKit((model, request) =>
        {
            var system = OrchestrationKit.System(request);
            if (system.StartsWith("You check", StringComparison.Ordinal))
                return OrchestrationKit.LastUser(request).Contains("find the numbers", StringComparison.Ordinal)
                    ? """{"verdict":"escalate","reason":"still wrong"}""" : """{"verdict":"accept","reason":"fine"}""";
            return Answer(model, request);
        });
        var runner = new OrchestratorRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router));

        var result = await runner.RunAsync("planner", new OrchestratorConfig { Model = "top", MaxAttempts = 5 }, OrchestrationKit.Ask("Summarise the quarter."), kit.Budget(), default);

        Assert.Null(result.Error);
        Assert.False(result.Metadata["complete"]!.GetValue<bool>());
        Assert.Equal(["a"], result.Metadata["unaccepted"]!.AsArray().Select(n => n!.GetValue<string>()));
        var a = result.Metadata["delegations"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == "a")!;
        Assert.Equal(["cheap", "mid", "top"], a["tries"]!.AsArray().Select(t => t!["model"]!.GetValue<string>()));
    }
}
