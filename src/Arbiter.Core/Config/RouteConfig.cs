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

    /// <summary>Strategy <c>learned</c>: the router directory written by <c>arbiter router train</c> (relative to the working directory).</summary>
    public string? ModelDir { get; init; }
    /// <summary>Strategy <c>learned</c>: cost weight per USD (quality − lambda × expected cost); unset uses the router's calibrated threshold.</summary>
    public double? Lambda { get; init; }
    /// <summary>Strategy <c>learned</c>: confidence margin; choices this close to a tie go to the stronger model. Default <c>ConfigDefaults.LearnedMargin</c>.</summary>
    public double? Margin { get; init; }
}
