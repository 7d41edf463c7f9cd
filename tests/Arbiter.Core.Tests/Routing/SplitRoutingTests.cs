using Arbiter.Core.Routing;
using Arbiter.Core.Routing.Split;

namespace Arbiter.Core.Tests.Routing;

public sealed class SplitRoutingTests
{
    private readonly RoutingFixture _f = new();

    private string ArmOf(string? user) => _f.Router.Plan(RoutingFixture.Ask("ab", user: user)).Candidates[0].Name;

    [Fact]
    public void Plan_SameUser_AlwaysTheSameArm()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 200; i++)
        {
            var user = "user-" + random.Next();
            var first = ArmOf(user);
            for (var again = 0; again < 5; again++) Assert.Equal(first, ArmOf(user));
        }
    }

    [Fact]
    public void Plan_ManyUsers_SplitWithinStatisticalBoundsOfTheWeights()
    {
        // 10,000 users, weight 70/30: the count of arm a is binomial(n, 0.7), sd = sqrt(n p (1-p)) = 45.8; 4 sd = 183.
        const int n = 10_000;
        var random = new Random(42);
        var a = 0;
        for (var i = 0; i < n; i++) if (ArmOf($"u{random.Next()}-{i}") == "mini") a++;

        Assert.InRange(a, 7_000 - 183, 7_000 + 183);
    }

    [Fact]
    public void Plan_Decision_NamesTheArmAndItsShare()
    {
        var plan = _f.Router.Plan(RoutingFixture.Ask("ab", user: "alice"));

        Assert.Matches(@"^split:(a \(70%\) -> model:mini|b \(30%\) -> model:mid)$", plan.Reason);
    }

    [Fact]
    public void Plan_NoCaller_SpreadEvenlyByWeight()
    {
        var a = 0;
        for (var i = 0; i < 1000; i++) if (ArmOf(null) == "mini") a++;

        Assert.InRange(a, 690, 710); // a low-discrepancy sequence, not a coin: close to 700 by construction
    }

    [Theory]
    [InlineData("user", "u1", "k1", "s1", "u1")]
    [InlineData("key", "u1", "k1", "s1", "k1")]
    [InlineData("session", "u1", "k1", "s1", "s1")]
    [InlineData("key", "u1", null, "s1", "u1")]
    [InlineData("session", null, "k1", null, "k1")]
    [InlineData(null, null, null, "s1", "s1")]
    public void Caller_StickyMode_PicksTheIdThenFallsBack(string? sticky, string? user, string? key, string? session, string expected)
    {
        var context = RoutingContext.For(RoutingFixture.Ask("ab", user: user), sessionHeader: session, keyId: key);

        Assert.Equal(expected, SplitRoutingStrategy.Caller(sticky, context));
    }

    [Fact]
    public void StickyHash_DependsOnRouteSeed_SoRoutesSplitIndependently()
    {
        var one = StickyHash.Point("alice", StickyHash.SeedOf("route-1"));
        var two = StickyHash.Point("alice", StickyHash.SeedOf("route-2"));

        Assert.NotEqual(one, two);
        Assert.Equal(one, StickyHash.Point("alice", StickyHash.SeedOf("route-1")));
        Assert.InRange(one, 0, 1);
    }

    [Fact]
    public void Shadow_ShareOfAQuarter_ExactlyEveryFourthRequestMirrored()
    {
        var mirrored = 0;
        for (var i = 0; i < 100; i++)
        {
            var plan = _f.Router.Plan(RoutingFixture.Ask("mirrored"));
            Assert.Equal("mini", plan.Candidates[0].Name); // the answer always comes from the route's model
            if (plan.Shadow is { } s) { mirrored++; Assert.Equal("big", s.Name); }
        }

        Assert.Equal(25, mirrored);
    }
}
