namespace Arbiter.Core.Routing;

/// <summary>How a plan's candidates are used.</summary>
public enum RouteMode
{
    /// <summary>The first candidate answers; the others are fallbacks for retryable errors.</summary>
    Single,
    /// <summary>Each candidate is a stage: the next answers only when the previous answer fails a quality gate.</summary>
    Cascade,
}
