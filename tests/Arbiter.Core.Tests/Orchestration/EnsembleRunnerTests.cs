using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Ensembles;

namespace Arbiter.Core.Tests.Orchestration;

public sealed class EnsembleRunnerTests
{
    private const string SupervisorAnswer = "Supervisor: the capital of Australia is Canberra.";

    private static EnsembleConfig Panel(string mode = EnsembleModes.Vote, params string[] members) => new()
    {
        Members = members.Length > 0 ? [.. members] : ["cheap", "cheap2", "mid"],
        Mode = mode,
        Judge = "mid",
        Supervisor = "top",
        Threshold = 0.3,
    };

    /// <summary>Members answer from <paramref name="answers"/>; the supervisor answers <see cref="SupervisorAnswer"/>; a judge picks answer 2.</summary>
    private static OrchestrationKit Kit(Dictionary<string, string> answers, int? perMinute = null) => new((model, request) =>
    {
        var system = OrchestrationKit.System(request);
        if (system.StartsWith("You supervise", StringComparison.Ordinal)) return SupervisorAnswer;
        if (system.StartsWith("You judge", StringComparison.Ordinal)) return """{"best": 2, "reason": "most precise"}""";
        return answers[model];
    }, perMinute);

    [Fact]
    public async Task RunAsync_MembersAgree_NoEscalationAndZeroDisagreement()
    {
        var kit = Kit(new() { ["cheap"] = "The capital is Canberra.", ["cheap2"] = "the capital is canberra", ["mid"] = "The capital is Canberra!" });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel(), OrchestrationKit.Ask("Capital of Australia?"), kit.Budget(), default);

        Assert.Equal(0, result.Trace.Disagreement);
        Assert.False(result.Trace.Escalated);
        Assert.Equal(0, kit.Provider.Calls("top"));
        Assert.Equal("The capital is Canberra.", Assert.Single(result.Response!.Choices).Message.Text);
        Assert.Equal("3 of 3 answers agree", result.Metadata["pick"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_MembersDisagree_SupervisorSeesAnswersAndDifferencesAndDecides()
    {
        var kit = Kit(new() { ["cheap"] = "The capital is Sydney, the largest city.", ["cheap2"] = "Melbourne was the capital until 1927.", ["mid"] = "Canberra is the capital of Australia." });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel(), OrchestrationKit.Ask("Capital of Australia?"), kit.Budget(), default);

        Assert.True(result.Trace.Disagreement > 0.3, $"disagreement {result.Trace.Disagreement}");
        Assert.True(result.Trace.Escalated);
        Assert.Contains("threshold", result.Trace.EscalationReason);
        Assert.Equal(SupervisorAnswer, Assert.Single(result.Response!.Choices).Message.Text);
        Assert.Equal("top", result.ServedModel!.Name);
        var (_, supervisorRequest) = Assert.Single(kit.Provider.Requests, r => r.Model == "top");
        var shown = OrchestrationKit.LastUser(supervisorRequest);
        Assert.Contains("Capital of Australia?", shown);
        Assert.Contains("Sydney", shown);
        Assert.Contains("Melbourne", shown);
        Assert.Contains("Canberra", shown);
        Assert.Contains("Where they differ", shown);
        Assert.Contains(result.Trace.Calls, c => c.Role == "supervisor" && c.Note == "decided");
        // Every member's answer was redundant once the supervisor decided: all three are the fan-out cost line.
        // Each call is 15 tokens: cheap and cheap2 $0.000015 each, mid $0.00015, top $0.0015.
        Assert.Equal(0.000015m + 0.000015m + 0.00015m, result.Trace.FanOutCostUsd);
        Assert.Equal(0.000015m + 0.000015m + 0.00015m + 0.0015m, result.CostUsd);
    }

    [Fact]
    public async Task RunAsync_DisagreeWithoutSupervisor_ModePickStandsAndDisagreementReported()
    {
        var kit = Kit(new() { ["cheap"] = "yes", ["cheap2"] = "no", ["mid"] = "yes" });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("Is it?"), kit.Budget(), default);

        Assert.False(result.Trace.Escalated);
        Assert.True(result.Trace.Disagreement > 0.3);
        Assert.Equal("yes", result.Response!.Choices[0].Message.Text);
        Assert.Equal("2 of 3 answers agree", result.Metadata["pick"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_JsonAnswers_ComparedFieldByFieldWithDifferingPathsNamed()
    {
        var kit = Kit(new() { ["cheap"] = """{"label":"positive","score":1}""", ["cheap2"] = """{"label":"negative","score":1}""", ["mid"] = """{"score":1,"label":"positive"}""" });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("Sentiment?"), kit.Budget(), default);

        Assert.Equal("json", result.Metadata["comparison"]!.GetValue<string>());
        // Pairs: (1,2) share 1 of 2 fields, (1,3) all, (2,3) 1 of 2: mean distance (0.5 + 0 + 0.5) / 3.
        Assert.Equal(1.0 / 3, result.Trace.Disagreement!.Value, 6);
        Assert.Contains(result.Metadata["differences"]!.AsArray(), d => d!.GetValue<string>().StartsWith("$.label: positive (1, 3) vs negative (2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_JudgeMode_ReturnsTheJudgesPick()
    {
        var kit = Kit(new() { ["cheap"] = "A", ["cheap2"] = "B", ["mid"] = "C" });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel(EnsembleModes.Judge, "cheap", "cheap2") with { Supervisor = null }, OrchestrationKit.Ask("Pick"), kit.Budget(), default);

        Assert.Equal("B", result.Response!.Choices[0].Message.Text);
        Assert.Equal("cheap2", result.ServedModel!.Name);
        Assert.Equal(1, kit.Provider.Calls("mid"));
    }

    [Fact]
    public async Task RunAsync_AllMode_EveryAnswerIsAChoice()
    {
        var kit = Kit(new() { ["cheap"] = "A", ["cheap2"] = "B", ["mid"] = "C" });

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel(EnsembleModes.All) with { Supervisor = null }, OrchestrationKit.Ask("Any"), kit.Budget(), default);

        Assert.Equal(["A", "B", "C"], result.Response!.Choices.Select(c => c.Message.Text));
        Assert.Equal([0, 1, 2], result.Response.Choices.Select(c => c.Index));
    }

    [Fact]
    public async Task RunAsync_FirstGood_SlowMemberCancelledAndFastAnswerReturned()
    {
        var kit = Kit(new() { ["cheap"] = "fast answer", ["mid"] = "slow answer" });
        kit.Provider.Before = (model, _, ct) => model == "mid" ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask;

        var result = await new EnsembleRunner(kit.Calls).RunAsync("race", Panel(EnsembleModes.FirstGood, "mid", "cheap"), OrchestrationKit.Ask("Go"), kit.Budget(), default);

        Assert.Equal("fast answer", result.Response!.Choices[0].Message.Text);
        Assert.Contains(result.Trace.Calls, c => c.Model == "mid" && c.Note!.StartsWith("cancelled", StringComparison.Ordinal));
        Assert.Null(result.Trace.Disagreement);
    }

    [Fact]
    public async Task RunAsync_RequestCostCap_GovernorStopsFanOutAtTheCap()
    {
        var kit = Kit(new() { ["cheap"] = "one", ["cheap2"] = "two", ["mid"] = "three" });
        // Each extra call is estimated at (prompt + 512 output tokens) x price: about $0.0005 for cheap2, $0.005 for mid;
        // the first member's actual cost ($0.000015) counts whenever it lands.
        var budget = kit.Budget(maxCostUsd: 0.001m);

        var result = await new EnsembleRunner(kit.Calls).RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("Count"), budget, default);

        Assert.Equal(1, kit.Provider.Calls("cheap"));
        Assert.Equal(1, kit.Provider.Calls("cheap2"));
        Assert.Equal(0, kit.Provider.Calls("mid"));
        var refused = Assert.Single(result.Trace.Calls, c => c.Model == "mid");
        Assert.Contains("cost cap", refused.Note);
    }

    [Fact]
    public async Task RunAsync_PerKeyExtraCallsPerMinute_AccountingGovernorGivesTheSecondRequestNoExtraMembers()
    {
        var kit = Kit(new() { ["cheap"] = "one", ["cheap2"] = "two", ["mid"] = "three" }, perMinute: 2);
        var runner = new EnsembleRunner(kit.Calls);

        await runner.RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("a"), kit.Budget(key: OrchestrationKit.Key("key-1")), default);
        var second = await runner.RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("b"), kit.Budget(key: OrchestrationKit.Key("key-1")), default);
        var otherKey = await runner.RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("c"), kit.Budget(key: OrchestrationKit.Key("key-2")), default);

        Assert.Equal(2, second.Trace.Calls.Count(c => c.Note?.Contains("per minute") == true));
        Assert.Equal("one", second.Response!.Choices[0].Message.Text);
        Assert.DoesNotContain(otherKey.Trace.Calls, c => c.Note?.StartsWith("refused", StringComparison.Ordinal) == true);
        kit.Time.Now = kit.Time.Now.AddMinutes(2); // the sliding minute still counts the previous minute
        var nextMinute = await runner.RunAsync("panel", Panel() with { Supervisor = null }, OrchestrationKit.Ask("d"), kit.Budget(key: OrchestrationKit.Key("key-1")), default);
        Assert.DoesNotContain(nextMinute.Trace.Calls, c => c.Note?.StartsWith("refused", StringComparison.Ordinal) == true);
    }
}
