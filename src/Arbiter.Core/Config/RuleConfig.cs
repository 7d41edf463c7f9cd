namespace Arbiter.Core.Config;

/// <summary>One rule of a <c>rules</c> route: when every condition in <see cref="When"/> holds, use <see cref="Route"/>.</summary>
public sealed record RuleConfig
{
    /// <summary>Shown in the decision (<c>rule:NAME</c>); defaults to the target's name.</summary>
    public string? Name { get; init; }
    public RuleConditionConfig When { get; init; } = new();
    /// <summary>A route or a model.</summary>
    public string Route { get; init; } = "";
}
