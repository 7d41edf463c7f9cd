using Arbiter.Core.Errors;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Tests.Routing;

public sealed class TaskRoutingTests
{
    private readonly RoutingFixture _f = new();

    public static TheoryData<string, string?, string?, string, string> Cases => new()
    {
        // model, task header, task metadata, expected route, expected decision prefix
        { "code", null, null, "code", "tier:general" },
        { "task:code", null, null, "code", "task:code -> tier:general" },
        { "auto", "code", null, "code", "task:code -> tier:general" },
        { "auto", null, "summarize", "summarize", "task:summarize -> tier:fast" },
        { "auto", "code", "summarize", "code", "task:code -> " },          // the header wins over metadata
        { "auto", "translate", null, "auto", "cascade:auto" },             // a task without a route: auto, with the task
        { "summarize", "code", null, "summarize", "tier:fast" },           // a named route is not redirected
    };

    [Theory, MemberData(nameof(Cases))]
    public void Plan_TaskByNameHeaderOrMetadata_PicksTheTaskRoute(string model, string? header, string? metadata, string route, string reasonPrefix)
    {
        var request = RoutingFixture.Ask(model) with
        {
            Metadata = metadata is null ? null : new Dictionary<string, string> { [RoutingContext.TaskMetadataKey] = metadata },
        };

        var plan = _f.Router.Plan(request, RoutingContext.For(request, taskHeader: header));

        Assert.Equal(route, plan.Route);
        Assert.StartsWith(reasonPrefix, plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TaskPrefixWithoutRouteAndNoAuto_ModelNotFound()
    {
        var f = new RoutingFixture("""
            providers: { p: { type: fake } }
            models: { a: { provider: p } }
            """);

        var ex = Assert.Throws<ArbiterException>(() => f.Router.Plan(RoutingFixture.Ask("task:code")));

        Assert.Equal(ErrorKind.ModelNotFound, ex.Error.Kind);
    }

    [Fact]
    public void Plan_DirectModel_SamePlanInstanceEvenWithTaskHeader()
    {
        var request = RoutingFixture.Ask("mini");

        Assert.Same(_f.Router.Plan(request), _f.Router.Plan(request, RoutingContext.For(request, taskHeader: "code")));
        Assert.True(_f.Router.TryPlanDirect("mini", out var direct));
        Assert.Equal("model:mini", direct.Reason);
        Assert.False(_f.Router.TryPlanDirect("auto", out _));
    }
}
