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

    // Routing engine (docs/routing.md): each strategy reads its own keys; ConfigValidator checks them per strategy.

    /// <summary>Strategy <c>tier</c>: the tiers to choose in, in order (the first with a qualifying model wins); strategy <c>cascade</c>: its stages.</summary>
    public List<string>? Tiers { get; init; }
    /// <summary>Strategy <c>rules</c>: evaluated in order, the first match names the route or model to use.</summary>
    public List<RuleConfig>? Rules { get; init; }
    /// <summary>Strategy <c>rules</c>: the route or model used when no rule matches.</summary>
    public string? Default { get; init; }
    /// <summary>Strategy <c>split</c>: the weighted arms of an A/B test or canary.</summary>
    public List<SplitArmConfig>? Arms { get; init; }
    /// <summary>Strategy <c>split</c>: what keeps a caller on one arm: <c>user</c>, <c>key</c> or <c>session</c>.</summary>
    public string? Sticky { get; init; }
    /// <summary>Strategy <c>cascade</c>: the quality gates an answer must pass, by name (<c>QualityGates</c>).</summary>
    public List<string>? Gates { get; init; }
    /// <summary>Strategy <c>cascade</c>: the judge model for the <c>judge</c> gate.</summary>
    public JudgeConfig? Judge { get; init; }
    /// <summary>Strategy <c>cascade</c>: the learned answer scorer for the <c>scorer</c> gate.</summary>
    public ScorerConfig? Scorer { get; init; }
    /// <summary>Strategy <c>cascade</c>: USD the whole cascade may spend on one request (stages and judge together).</summary>
    public decimal? CostCapUsd { get; init; }
    /// <summary>Any strategy: mirror a share of traffic to a candidate model, off the request path.</summary>
    public ShadowConfig? Shadow { get; init; }
    /// <summary>Any strategy: what to do when a prompt holds personal data or secrets.</summary>
    public PrivacyConfig? Privacy { get; init; }
    /// <summary>Strategy <c>learned</c>: the router directory written by <c>arbiter router train</c> (relative to the working directory).</summary>
    public string? ModelDir { get; init; }
    /// <summary>Strategy <c>learned</c>: cost weight per USD (quality − lambda × expected cost); unset uses the router's calibrated threshold.</summary>
    public double? Lambda { get; init; }
    /// <summary>Strategy <c>learned</c>: confidence margin; choices this close to a tie go to the stronger model. Default <c>ConfigDefaults.LearnedMargin</c>.</summary>
    public double? Margin { get; init; }
}
