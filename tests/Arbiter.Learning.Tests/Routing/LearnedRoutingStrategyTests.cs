using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Learning.Routing;
using Arbiter.Learning.Training;

namespace Arbiter.Learning.Tests.Routing;

public sealed class LearnedRoutingStrategyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "arbiter-learned-" + Guid.NewGuid().ToString("N"));

    public LearnedRoutingStrategyTests()
    {
        // cheap (1e-6 USD) is good at arithmetic only; strong (2e-5 USD) at everything; mid is not configured below.
        RouterTrainer.Train(SyntheticData.Create(200, seed: 1), new RouterTrainerOptions { CharNgrams = 0, L2 = 0.1f }).Save(_dir);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private (LearnedRoutingStrategy Strategy, ArbiterConfig Config, ModelCatalog Models) Build(double? margin, string? modelDir = null)
    {
        var config = new ArbiterConfig
        {
            Providers = { ["p"] = new ProviderConfig { Type = "null" } },
            Models = { ["cheap"] = new ModelConfig { Provider = "p" }, ["strong"] = new ModelConfig { Provider = "p" } },
            Routes = { ["smart"] = new RouteConfig { Strategy = RoutingStrategies.Learned, ModelDir = modelDir ?? _dir, Lambda = 20000, Margin = margin } },
        };
        var models = new ModelCatalog(config, new Dictionary<string, IChatProvider> { ["p"] = new NullChatProvider("p") });
        return (new LearnedRoutingStrategy(config, models, Environment.CurrentDirectory), config, models);
    }

    private static RoutePlan Plan(LearnedRoutingStrategy s, ArbiterConfig c, ModelCatalog m, string prompt) =>
        s.Plan("smart", c.Routes["smart"], RoutingContext.For(new ChatRequest { Model = "smart", Messages = [ChatMessage.System("be brief"), ChatMessage.User(prompt)] }),
            new Router(c, m, Router.BuiltInStrategies));

    [Theory]
    [InlineData("please add 12 and 30", "cheap")]
    [InlineData("write a sonnet about the 7 stars", "strong")]
    public void Plan_ByPromptText_ChoosesCheapOnlyWhereItIsGood(string prompt, string expected)
    {
        var (s, c, m) = Build(margin: 0);

        var plan = Plan(s, c, m, prompt);

        Assert.Equal(expected, plan.Candidates[0].Name);
        Assert.Equal(2, plan.Candidates.Count); // the other configured model is the fallback; "mid" is not configured
        Assert.Contains("learned -> " + expected, plan.Reason);
    }

    [Fact]
    public void Plan_WideMargin_RoutesUpWhenUnsure()
    {
        var (s, c, m) = Build(margin: 0.5);

        Assert.Equal("strong", Plan(s, c, m, "please add 12 and 30").Candidates[0].Name);
    }

    [Fact]
    public void Plan_SameChoiceTwice_ReusesThePlan()
    {
        var (s, c, m) = Build(margin: 0);

        Assert.Same(Plan(s, c, m, "sum 1 and 2"), Plan(s, c, m, "count 3 and 4"));
    }

    [Fact]
    public void Constructor_MissingRouterDirectory_IsAConfigErrorNamingTheKey()
    {
        var ex = Assert.Throws<ConfigException>(() => Build(margin: 0, modelDir: Path.Combine(_dir, "nope")));

        Assert.Contains("routes.smart.model_dir", ex.Message);
    }

    [Fact]
    public void Validate_LearnedRouteWithoutModelDir_NamesTheKey()
    {
        var config = new ArbiterConfig
        {
            Providers = { ["p"] = new ProviderConfig { Type = "openai" } },
            Models = { ["cheap"] = new ModelConfig { Provider = "p" } },
            Routes = { ["smart"] = new RouteConfig { Strategy = RoutingStrategies.Learned, Margin = 2 } },
        };

        var errors = ConfigValidator.Validate(config, (_, _, _) => [], _ => null);

        Assert.Contains(errors, e => e.StartsWith("routes.smart.model_dir:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("routes.smart.margin:", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("routes.smart.model:", StringComparison.Ordinal));
    }
}
