using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Tests.Routing;

public sealed class RulesRoutingTests
{
    private readonly RoutingFixture _f = new();

    public enum Shape { Plain, Tools, Image, Json, Long, Sql, Tenant, TenantWrongPlan, ClassifyShort, ClassifyLong, Team, Key }

    private static RoutingContext Context(Shape shape)
    {
        var request = RoutingFixture.Ask("smart");
        request = shape switch
        {
            Shape.Tools => request with { Tools = [new ToolDefinition { Name = "f" }] },
            Shape.Image => request with { Messages = [new ChatMessage { Role = ChatRole.User, Parts = [new TextPart("what is this"), new ImagePart("https://x.test/a.png")] }] },
            Shape.Json => request with { ResponseFormat = new ResponseFormat { Kind = ResponseFormatKind.JsonObject } },
            Shape.Long => request with { Messages = [ChatMessage.User(new string('x', 4000))] },
            Shape.Sql => request with { Messages = [ChatMessage.User("earlier"), ChatMessage.Assistant("ok"), ChatMessage.User("Fix: SELECT name FROM users")] },
            Shape.Tenant => request with { Metadata = new Dictionary<string, string> { ["tenant"] = "acme", ["plan"] = "gold" } },
            Shape.TenantWrongPlan => request with { Metadata = new Dictionary<string, string> { ["tenant"] = "acme", ["plan"] = "free" } },
            Shape.ClassifyShort => request with { Metadata = new Dictionary<string, string> { [RoutingContext.TaskMetadataKey] = "classify" } },
            Shape.ClassifyLong => request with { Messages = [ChatMessage.User(new string('y', 400))], Metadata = new Dictionary<string, string> { [RoutingContext.TaskMetadataKey] = "classify" } },
            _ => request,
        };
        return RoutingContext.For(request, keyId: shape == Shape.Key ? "key-1" : null, team: shape == Shape.Team ? "research" : null);
    }

    public static TheoryData<Shape, string, string> Cases => new()
    {
        // request shape, expected first candidate, expected decision
        { Shape.Plain, "mini", "rules:smart no match -> tier:fast -> mini (cheapest meeting 0.85)" },
        { Shape.Team, "big", "rule:vip -> tier:deep -> big (cheapest meeting 0.97)" },
        { Shape.Key, "big", "rule:secret-key -> model:big" },
        { Shape.Image, "mid", "rule:images -> model:mid" },
        { Shape.Tools, "mid", "rule:tools -> tier:general -> mid (cheapest meeting 0.92)" },
        { Shape.Json, "mid-cheap", "rule:json -> model:mid-cheap" },
        { Shape.Long, "big", "rule:long -> model:big" },
        { Shape.Sql, "mid", "rule:sql -> tier:general -> mid (cheapest meeting 0.92)" },
        { Shape.Tenant, "big", "rule:tenant -> tier:deep -> big (cheapest meeting 0.97)" },
        { Shape.TenantWrongPlan, "mini", "rules:smart no match -> tier:fast -> mini (cheapest meeting 0.85)" },
        { Shape.ClassifyShort, "mini", "rule:mini -> model:mini" },
        { Shape.ClassifyLong, "mini", "rules:smart no match -> tier:fast -> mini (cheapest meeting 0.85)" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Plan_RulesRoute_FirstMatchingRuleWins(Shape shape, string expectedModel, string expectedReason)
    {
        var context = Context(shape);

        var plan = _f.Router.Plan(context.Request, context);

        Assert.Equal(expectedModel, plan.Candidates[0].Name);
        Assert.Equal(expectedReason, plan.Reason);
    }

    [Fact]
    public void Plan_RegexLooksAtLastUserMessageOnly()
    {
        var request = RoutingFixture.Ask("smart") with
        {
            Messages = [ChatMessage.User("SELECT a FROM b"), ChatMessage.Assistant("done"), ChatMessage.User("thanks")],
        };

        Assert.Equal("mini", _f.Router.Plan(request).Candidates[0].Name);
    }

    [Fact]
    public void Plan_CatastrophicRegexOnLongInput_TimesOutAsNoMatch()
    {
        var f = new RoutingFixture("""
            providers: { p: { type: fake } }
            models: { a: { provider: p }, b: { provider: p } }
            routes:
              r:
                strategy: rules
                rules: [ { when: { regex: "^(a+)+$" }, route: a } ]
                default: b
            """);
        var request = RoutingFixture.Ask("r", new string('a', 5000) + "!");

        Assert.Equal("b", f.Router.Plan(request).Candidates[0].Name);
    }

    [Theory]
    [InlineData("rules: [ { when: { regex: \"([\" }, route: a } ]\n    default: b", "routes.r.rules[0].when.regex: not a valid regular expression")]
    [InlineData("rules: [ { route: nowhere } ]\n    default: b", "routes.r.rules[0].route: 'nowhere' is neither a configured model nor a route")]
    [InlineData("rules: [ { route: a } ]", "routes.r.default: required for strategy rules")]
    [InlineData("rules: [ { route: r } ]\n    default: a", "routes.r.rules[0].route: 'r' is the route itself")]
    public void Validate_BadRule_NamesTheKey(string body, string expected)
    {
        var config = ConfigLoader.Parse("""
            providers: { p: { type: fake } }
            models: { a: { provider: p }, b: { provider: p } }
            routes:
              r:
                strategy: rules
            """ + "\n    " + body);

        var errors = ConfigValidator.Validate(config, (_, _, _) => [], _ => null);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Context_EstimatedPromptTokens_AboutFourCharactersPerToken()
    {
        var context = RoutingContext.For(RoutingFixture.Ask("smart", new string('z', 400)));

        Assert.Equal(104, context.EstimatedPromptTokens);
        Assert.False(context.HasImages);
        Assert.False(context.HasTools);
        Assert.False(context.JsonMode);
    }
}
