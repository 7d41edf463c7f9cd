using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Core.Tests.Fakes;

namespace Arbiter.Core.Tests.Routing;

public sealed class RouterTests
{
    private readonly ArbiterConfig _config;
    private readonly ModelCatalog _catalog;
    private readonly Router _router;

    public RouterTests()
    {
        _config = new ArbiterConfig
        {
            Providers = { ["p1"] = new ProviderConfig { Type = "fake" }, ["p2"] = new ProviderConfig { Type = "fake" } },
            Models =
            {
                ["fast"] = new ModelConfig { Provider = "p1", Model = "vendor-fast-001" },
                ["general"] = new ModelConfig { Provider = "p2" },
                ["deep"] = new ModelConfig { Provider = "p2" },
            },
            Routes =
            {
                ["auto"] = new RouteConfig { Strategy = RoutingStrategies.Single, Model = "fast", Fallbacks = ["deep", "general"] },
                ["solo"] = new RouteConfig { Model = "general" },
            },
        };
        var providers = new Dictionary<string, IChatProvider> { ["p1"] = new FakeChatProvider("p1"), ["p2"] = new FakeChatProvider("p2") };
        _catalog = new ModelCatalog(_config, providers);
        _router = new Router(_config, _catalog, Router.BuiltInStrategies);
    }

    private static ChatRequest Ask(string model) => new() { Model = model, Messages = [ChatMessage.User("hi")] };

    [Theory]
    [InlineData("fast", "p1")]
    [InlineData("general", "p2")]
    public void Plan_ModelName_PlansThatSingleModel(string model, string provider)
    {
        var plan = _router.Plan(Ask(model));

        Assert.Equal(model, plan.Route);
        Assert.Equal($"model:{model}", plan.Reason);
        var only = Assert.Single(plan.Candidates);
        Assert.Equal(model, only.Name);
        Assert.Equal(provider, only.Provider.Name);
    }

    [Fact]
    public void Plan_ModelNameTwice_ReusesThePlan()
    {
        Assert.Same(_router.Plan(Ask("fast")), _router.Plan(Ask("fast")));
    }

    [Fact]
    public void Plan_SingleRouteWithFallbacks_ModelThenFallbacksInOrder()
    {
        var plan = _router.Plan(Ask("auto"));

        Assert.Equal("auto", plan.Route);
        Assert.Equal(["fast", "deep", "general"], plan.Candidates.Select(c => c.Name));
        Assert.Equal("route:auto -> fast (fallbacks: deep, general)", plan.Reason);
    }

    [Fact]
    public void Plan_SingleRouteWithoutFallbacks_OnlyTheModel()
    {
        var plan = _router.Plan(Ask("solo"));

        Assert.Equal("general", Assert.Single(plan.Candidates).Name);
        Assert.Equal("route:solo -> general", plan.Reason);
    }

    [Theory]
    [InlineData("gpt-5")]
    [InlineData("FAST")]
    [InlineData("")]
    public void Plan_UnknownName_ThrowsModelNotFoundWithParamModel(string model)
    {
        var ex = Assert.Throws<ArbiterException>(() => _router.Plan(Ask(model)));

        Assert.Equal(ErrorKind.ModelNotFound, ex.Error.Kind);
        Assert.Equal("model", ex.Error.Param);
        Assert.Equal(404, ex.Error.HttpStatus);
        Assert.Contains($"'{model}'", ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteNames_ListsConfiguredRoutes()
    {
        Assert.Equal(["auto", "solo"], _router.RouteNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Catalog_UpstreamModel_ConfiguredIdOrKey()
    {
        Assert.Equal("vendor-fast-001", _catalog["fast"].UpstreamModel);
        Assert.Equal("general", _catalog["general"].UpstreamModel);
        Assert.True(_catalog.TryGet("deep", out var deep));
        Assert.Equal("p2", deep.Provider.Name);
        Assert.False(_catalog.TryGet("nope", out _));
        Assert.Equal(3, _catalog.All.Count());
    }
}
