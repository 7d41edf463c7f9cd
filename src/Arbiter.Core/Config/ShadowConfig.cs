namespace Arbiter.Core.Config;

/// <summary>Mirror a share of a route's traffic to a candidate model; its answer is recorded, never returned.</summary>
public sealed record ShadowConfig
{
    public string Model { get; init; } = "";
    /// <summary>0 to 1: the share of requests mirrored.</summary>
    public double Share { get; init; } = ConfigDefaults.ShadowShare;
}
