namespace Arbiter.Core.Config;

/// <summary>
/// When the answer has not started within <see cref="DelayMs"/>, the next deployment or model is started too;
/// whichever answers first is kept and the other cancelled.
/// </summary>
public sealed record HedgingConfig
{
    public double DelayMs { get; init; }
    /// <summary>Extra calls started at most. Default <see cref="ConfigDefaults.HedgingMaxHedged"/>.</summary>
    public int MaxHedged { get; init; } = ConfigDefaults.HedgingMaxHedged;
}
