using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Tests.Fakes;
using static Arbiter.Core.Tests.Resilience.ResilienceHarness;

namespace Arbiter.Core.Tests.Resilience;

/// <summary>A model with several deployments: failover between them, rate limits that skip rather than fail.</summary>
public sealed class DeploymentTests
{
    [Theory, InlineData(false), InlineData(true)]
    public async Task Run_FirstDeploymentFails_SecondDeploymentOfSameModelAnswers(bool stream)
    {
        var model = Deployed("a", "b") with { LoadBalancing = "least-busy" }; // deterministic: ties go to the first
        var h = new ResilienceHarness().Build(new() { ["m"] = model }, NoRetries());
        h.Provider("a").Otherwise = Step.Fail(ErrorKind.UpstreamError);

        IReadOnlyList<Attempt> attempts;
        if (stream)
        {
            await using var outcome = await h.Open("m");
            Assert.Equal("b", outcome.Deployment!.Name);
            attempts = outcome.Attempts;
        }
        else
        {
            var outcome = await h.Complete(null, "m");
            Assert.Equal("b", outcome.Deployment!.Name);
            Assert.Equal("m", outcome.Model!.Name);
            attempts = outcome.Attempts;
        }
        Assert.Equal([("a", false), ("b", true)], attempts.Select(a => (a.Deployment!, a.Succeeded)));
        Assert.Equal("m/a upstream_error > m/b ok", FallbackChain.Describe(attempts));
    }

    [Fact]
    public async Task Complete_DeploymentAtRpmLimit_SkippedNotFailed()
    {
        var model = new ModelConfig
        {
            LoadBalancing = "least-busy",
            Deployments = [new DeploymentConfig { Provider = "a", Rpm = 1 }, new DeploymentConfig { Provider = "b" }],
        };
        var h = new ResilienceHarness().Build(new() { ["m"] = model }, NoRetries());

        var first = await h.Complete(null, "m");
        var second = await h.Complete(null, "m");

        Assert.Equal("a", first.Deployment!.Name);
        Assert.Equal("b", second.Deployment!.Name);
        Assert.Equal(1, h.Provider("a").Calls);
        Assert.Equal((SkipReasons.RateLimit, ErrorKind.RateLimited), (second.Attempts[0].Skipped, second.Attempts[0].Error!.Kind));
        Assert.Equal(1, FallbackChain.Calls(second.Attempts));
    }

    [Fact]
    public async Task Complete_EveryDeploymentAtLimit_RateLimitedWithRetryAfterUntilNextMinute()
    {
        var model = new ModelConfig { Deployments = [new DeploymentConfig { Provider = "a", Rpm = 1 }] };
        var h = new ResilienceHarness().Build(new() { ["m"] = model }, NoRetries());
        h.Time.Advance(TimeSpan.FromSeconds(45));

        // The clock stands still through each request, so the retry-after is exactly what is left of the minute.
        await h.CompleteWithoutTime("m");
        var limited = await h.CompleteWithoutTime("m");
        h.Time.Advance(TimeSpan.FromSeconds(15)); // the next minute
        var again = await h.CompleteWithoutTime("m");

        Assert.Equal(ErrorKind.RateLimited, limited.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(15), limited.Error.RetryAfter);
        Assert.Equal(0, FallbackChain.Calls(limited.Attempts));
        Assert.NotNull(again.Response);
        Assert.Equal(2, h.Provider("a").Calls);
    }

    [Fact]
    public async Task Complete_TpmLimit_CountsEstimatedPromptAndAnsweredTokens()
    {
        var model = new ModelConfig { Deployments = [new DeploymentConfig { Provider = "a", Tpm = 20 }] };
        var h = new ResilienceHarness().Build(new() { ["m"] = model }, NoRetries());

        var first = await h.Complete(null, "m");   // ~8 prompt tokens estimated + 5 answered
        var second = await h.Complete(null, "m");  // 13 + ~8 > 20

        Assert.NotNull(first.Response);
        Assert.Equal(ErrorKind.RateLimited, second.Error!.Kind);
    }

    [Fact]
    public async Task Complete_ContentRefusalOnOneDeployment_NotRetriedOnAnother()
    {
        var h = new ResilienceHarness().Build(new() { ["m"] = Deployed("a", "b") with { LoadBalancing = "least-busy" } }, NoRetries());
        h.Provider("a").Then(Step.Fail(ErrorKind.ContentFiltered));

        var outcome = await h.Complete(null, "m");

        Assert.Equal(ErrorKind.ContentFiltered, outcome.Error!.Kind);
        Assert.Equal(0, h.Provider("b").Calls);
    }

    [Fact]
    public async Task Complete_DeploymentPrice_UsedInsteadOfModelPrice()
    {
        var model = new ModelConfig
        {
            LoadBalancing = "cheapest",
            Price = new PriceConfig { Input = 5, Output = 5 },
            Deployments = [new DeploymentConfig { Provider = "a" }, new DeploymentConfig { Provider = "b", Price = new PriceConfig { Input = 1, Output = 1 } }],
        };
        var h = new ResilienceHarness().Build(new() { ["m"] = model }, NoRetries());

        var outcome = await h.Complete(null, "m");

        Assert.Equal("b", outcome.Deployment!.Name);
        Assert.Equal(1m, outcome.Deployment.Price!.Input);
        Assert.Equal(5m, h.Catalog["m"].Deployments[0].Price!.Input);
    }
}
