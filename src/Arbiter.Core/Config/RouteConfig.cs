namespace Arbiter.Core.Config;

/// <summary>A virtual model: a name clients ask for that the router resolves to real models.</summary>
public sealed record RouteConfig
{
    /// <summary>A routing strategy's name, one of <c>RoutingStrategies</c>. Default <c>single</c>.</summary>
    public string Strategy { get; init; } = "single";
    /// <summary>The model to try first.</summary>
    public string? Model { get; init; }
    /// <summary>Models to try in order when the one before fails with a retryable error.</summary>
    public List<string>? Fallbacks { get; init; }
}
