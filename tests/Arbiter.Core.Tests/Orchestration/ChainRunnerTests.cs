using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Chains;

namespace Arbiter.Core.Tests.Orchestration;

public sealed class ChainRunnerTests
{
    /// <summary>extract (JSON, schema-validated) then write (regex: at least five words) from the extracted facts.</summary>
    private static ChainConfig Chain(string extractModel = "cheap", string writeModel = "cheap") => new()
    {
        Steps =
        [
            new ChainStepConfig
            {
                Name = "extract", Model = extractModel, Prompt = "Facts of: {{input}}",
                Validate = new StepValidatorConfig { Type = StepValidators.JsonSchema, Schema = """{"type":"object","properties":{"facts":{"type":"array","minItems":1}},"required":["facts"]}""" },
            },
            new ChainStepConfig
            {
                Name = "write", Model = writeModel, Prompt = "Write from {{steps.extract.output}} about {{input}}",
                Validate = new StepValidatorConfig { Type = StepValidators.Regex, Pattern = @"^(\S+\s+){4}\S+" },
            },
        ],
    };

    private static ChainRunner Runner(OrchestrationKit kit) => new(kit.Calls, new StrongerModels(kit.Config, kit.Router), kit.Time);

    [Fact]
    public async Task RunAsync_StepFailsValidation_RetriedOnTheNextTierAndTheChainCompletes()
    {
        // The cheap model gives a JSON object without facts; the general-tier model gets it right.
        var kit = new OrchestrationKit((model, request) => OrchestrationKit.LastUser(request).StartsWith("Facts", StringComparison.Ordinal)
            ? model == "cheap" ? """{"facts":[]}""" : """{"facts":["water boils at 100 C"]}"""
            : "Water boils at one hundred degrees.");

        var run = await Runner(kit).RunAsync("brief", Chain(), "boiling", kit.Budget(), holdLastStep: false, default);

        Assert.Null(run.Error);
        var extract = run.Steps[0];
        Assert.Equal(["cheap", "mid"], extract.Attempts.Select(a => a.Model));
        Assert.False(extract.Attempts[0].Passed);
        Assert.Contains("minItems", extract.Attempts[0].Verdict);
        Assert.Equal("mid", extract.Model);
        Assert.True(run.Trace.Escalated);
        // The next step saw the accepted output, never the rejected one.
        var (_, writeRequest) = Assert.Single(kit.Provider.Requests, r => OrchestrationKit.LastUser(r.Request).StartsWith("Write", StringComparison.Ordinal));
        Assert.Equal("""Write from {"facts":["water boils at 100 C"]} about boiling""", OrchestrationKit.LastUser(writeRequest));
        Assert.Equal("Water boils at one hundred degrees.", run.Output);
        Assert.Equal(0.000015m, run.Trace.FanOutCostUsd); // the rejected cheap answer
    }

    [Fact]
    public async Task RunAsync_NoModelPasses_ChainStopsAtThatStepAndLaterStepsNeverRun()
    {
        var kit = new OrchestrationKit((_, _) => """{"facts":[]}""");

        var run = await Runner(kit).RunAsync("brief", Chain(), "x", kit.Budget(), holdLastStep: false, default);

        Assert.NotNull(run.Error);
        Assert.Equal("chain_step_invalid", run.Error!.Code);
        Assert.Equal(["cheap", "mid", "top"], run.Steps.Single().Attempts.Select(a => a.Model));
        Assert.DoesNotContain(kit.Provider.Requests, r => OrchestrationKit.LastUser(r.Request).StartsWith("Write", StringComparison.Ordinal));
        Assert.Null(run.Output);
    }

    [Fact]
    public async Task RunAsync_EscalateToConfigured_UsedInsteadOfTheTierLadder()
    {
        var kit = new OrchestrationKit((model, request) => OrchestrationKit.LastUser(request).StartsWith("Write", StringComparison.Ordinal)
            ? "one two three four five"
            : model == "cheap2" ? """{"facts":["a"]}""" : "{}");
        var chain = Chain();
        chain.Steps[0] = chain.Steps[0] with { EscalateTo = ["cheap2"] };

        var run = await Runner(kit).RunAsync("brief", chain, "x", kit.Budget(), holdLastStep: false, default);

        Assert.Null(run.Error);
        Assert.Equal(["cheap", "cheap2"], run.Steps[0].Attempts.Select(a => a.Model));
        Assert.Equal(0, kit.Provider.Calls("mid"));
    }

    [Fact]
    public async Task RunAsync_CostCapReached_ChainStopsWithCostCapError()
    {
        var kit = new OrchestrationKit((model, request) => """{"facts":["a"]}"""); // the write step never passes its regex

        // The first step costs $0.000015; the write step's estimate at the cheap price is about $0.0005; its retry on mid $0.005.
        var run = await Runner(kit).RunAsync("brief", Chain(), "x", kit.Budget(maxCostUsd: 0.002m), holdLastStep: false, default);

        Assert.Equal(ErrorKind.RateLimited, run.Error!.Kind);
        Assert.Contains("cost cap", run.Error.Message);
        Assert.Equal(0, kit.Provider.Calls("mid")); // the retry on the general tier was refused before it was made
    }

    [Fact]
    public async Task RunAsync_HoldLastStep_LastStepReturnedAsPendingWithItsRenderedPrompt()
    {
        var kit = new OrchestrationKit((_, _) => """{"facts":["a"]}""");
        var chain = Chain();
        chain.Steps[1] = chain.Steps[1] with { Validate = null };

        var run = await Runner(kit).RunAsync("brief", chain, "topic", kit.Budget(), holdLastStep: true, default);

        Assert.Single(run.Steps);
        var pending = run.Pending!.Value;
        Assert.Equal("write", pending.Step);
        Assert.Equal("""Write from {"facts":["a"]} about topic""", OrchestrationKit.LastUser(pending.Request));
    }

    [Fact]
    public async Task RunAsync_LatencyCapPassedDuringAStep_ChainStopsWithATimeoutAndNoLaterStepRuns()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var kit = new OrchestrationKit((_, _) => """{"facts":["a"]}""");
        // The write step's call takes "two seconds" on the chain's clock, then would hang until cancelled.
        kit.Provider.Before = async (_, request, ct) =>
        {
            if (!OrchestrationKit.LastUser(request).StartsWith("Write", StringComparison.Ordinal)) return;
            clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(Timeout.Infinite, ct);
        };
        var chain = Chain() with { MaxLatencyMs = 1000 };
        chain.Steps.Add(new ChainStepConfig { Name = "after", Model = "cheap", Prompt = "After {{steps.write.output}}" });

        var run = await new ChainRunner(kit.Calls, new StrongerModels(kit.Config, kit.Router), clock)
            .RunAsync("brief", chain, "x", kit.Budget(), holdLastStep: false, default);

        Assert.Equal(ErrorKind.UpstreamTimeout, run.Error!.Kind);
        Assert.Contains("max_latency_ms of 1000", run.Error.Message);
        Assert.True(Assert.Single(run.Steps).Passed); // extract finished; write was stopped, after never began
        Assert.DoesNotContain(kit.Provider.Requests, r => OrchestrationKit.LastUser(r.Request).StartsWith("After", StringComparison.Ordinal));
        Assert.Null(run.Output);
    }

    [Fact]
    public async Task RunAsync_JudgeCallRefusedByTheGovernor_OutputNotUsedAndTheChainStops()
    {
        var kit = new OrchestrationKit((model, request) => OrchestrationKit.LastUser(request).StartsWith("Facts", StringComparison.Ordinal) ? """{"facts":["a"]}""" : "0.9");
        var chain = Chain();
        chain.Steps[0] = chain.Steps[0] with { Validate = new StepValidatorConfig { Type = StepValidators.Judge, Judge = "top" } };

        // The first step is the needed call ($0.000015); the judge on top (about $0.05 estimated) does not fit under $0.01.
        var run = await Runner(kit).RunAsync("brief", chain, "x", kit.Budget(maxCostUsd: 0.01m), holdLastStep: false, default);

        Assert.Equal("chain_cost_cap", run.Error!.Code);
        Assert.Contains("could not be checked", run.Error.Message);
        Assert.Equal(["cheap"], run.Steps.Single().Attempts.Select(a => a.Model)); // no pointless retry on a stronger model
        Assert.Equal(0, kit.Provider.Calls("top"));
        Assert.DoesNotContain(kit.Provider.Requests, r => OrchestrationKit.LastUser(r.Request).StartsWith("Write", StringComparison.Ordinal));
        Assert.Null(run.Output);
    }

    [Fact]
    public void Render_UnknownPlaceholder_LeftAsWritten()
    {
        Assert.Equal("a 1 {{steps.nope.output}} in", ChainTemplate.Render("a {{ steps.x.output }} {{steps.nope.output}} {{input}}", "in", new Dictionary<string, string> { ["x"] = "1" }));
    }
}
