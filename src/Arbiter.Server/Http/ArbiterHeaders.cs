namespace Arbiter.Server.Http;

/// <summary>The response headers that say what the gateway did.</summary>
public static class ArbiterHeaders
{
    public const string RequestId = "x-request-id";
    public const string Model = "x-arbiter-model";
    public const string Provider = "x-arbiter-provider";
    public const string Route = "x-arbiter-route";
    public const string Decision = "x-arbiter-decision";
    public const string CostUsd = "x-arbiter-cost-usd";
    public const string OverheadMs = "x-arbiter-overhead-ms";
    public const string Attempts = "x-arbiter-attempts";
    /// <summary>The chain taken when more than one call was made or a deployment was skipped (see docs/reliability.md).</summary>
    public const string Fallback = "x-arbiter-fallback";
    public const string Simulated = "x-arbiter-simulated";
    /// <summary>Request header: the task (summarize, classify, code ...) that picks a task route or quality table.</summary>
    public const string Task = "x-arbiter-task";
    /// <summary>Request header: the session id that keeps a caller on one A/B arm.</summary>
    public const string Session = "x-arbiter-session";
}
