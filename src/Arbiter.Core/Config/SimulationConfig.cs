namespace Arbiter.Core.Config;

/// <summary>The simulated provider's behaviour for one model. All timings are means; jitter is seeded.</summary>
public sealed record SimulationConfig
{
    /// <summary>Time to first token in milliseconds.</summary>
    public double TtftMs { get; init; } = 200;
    /// <summary>Generation speed after the first token.</summary>
    public double TokensPerSecond { get; init; } = 100;
    /// <summary>Mean answer length in tokens (bounded by max_tokens).</summary>
    public int OutputTokens { get; init; } = 120;
    /// <summary>Share of calls that fail with a 503, 0 to 1.</summary>
    public double FailureRate { get; init; }
    /// <summary>Relative latency jitter, 0 to 1 (0.2 = plus or minus 20%).</summary>
    public double Jitter { get; init; } = 0.2;
}
