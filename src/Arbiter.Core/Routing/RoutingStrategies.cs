namespace Arbiter.Core.Routing;

/// <summary>The names of the routing strategies, as written under <c>routes.NAME.strategy</c>.</summary>
public static class RoutingStrategies
{
    /// <summary>One model, then its fallbacks in order.</summary>
    public const string Single = "single";

    /// <summary>A trained router (Arbiter.Learning) predicts each model's chance of a good answer; registered by the server.</summary>
    public const string Learned = "learned";

    /// <summary>Every strategy the router has, for validating <c>routes.NAME.strategy</c>.</summary>
    public static readonly IReadOnlyList<string> All = [Single, Learned];
}
