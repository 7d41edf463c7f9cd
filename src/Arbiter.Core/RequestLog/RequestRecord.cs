using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Orchestration;

namespace Arbiter.Core.RequestLog;

/// <summary>One request as the log keeps it: what was asked, where it went and why, what it cost, how it ended.</summary>
public sealed record RequestRecord
{
    public required string RequestId { get; init; }
    /// <summary>
    /// The gateway made <see cref="RequestId"/> (an <see cref="Ids.IssuedRequestId"/> of <see cref="StartedAt"/>), rather
    /// than the client sending it: unique, and it says when the request started.
    /// </summary>
    public bool RequestIdIssued { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string RequestedModel { get; init; }
    public string? Route { get; init; }
    public string? Decision { get; init; }
    public string? ServedModel { get; init; }
    public string? Provider { get; init; }
    public bool Stream { get; init; }
    public required int Status { get; init; }
    public ErrorKind? ErrorKind { get; init; }
    public string? ErrorMessage { get; init; }
    public TokenUsage? Usage { get; init; }
    /// <summary>USD; null when the serving model has no price (reported as unpriced, never $0).</summary>
    public decimal? CostUsd { get; init; }
    public double LatencyMs { get; init; }
    public double? TimeToFirstChunkMs { get; init; }
    /// <summary>Time spent in the gateway itself, upstream waiting excluded.</summary>
    public double OverheadMs { get; init; }
    public IReadOnlyList<Attempt> Attempts { get; init; } = [];
    /// <summary>For streams cut short: how much text reached the client before the failure.</summary>
    public int? DeliveredChars { get; init; }
    /// <summary>Orchestration: how models worked together (ensemble, chain, session, orchestrate); null for one model (or the router's own mode).</summary>
    public string? Mode { get; init; }
    /// <summary>Orchestration: how much the answers disagreed, 0 to 1; null when not measured.</summary>
    public double? Disagreement { get; init; }
    /// <summary>Orchestration: the request was escalated (a supervisor decided, a step or sub-task moved to a stronger model).</summary>
    public bool? Escalated { get; init; }
    /// <summary>Orchestration: USD spent on calls other than the one whose answer was returned (redundant fan-out), its own cost line.</summary>
    public decimal? FanOutCostUsd { get; init; }
    /// <summary>Orchestration: every call with its role, plan, delegations and verdicts.</summary>
    public OrchestrationTrace? Orchestration { get; init; }
    /// <summary>Routing: the model this request was mirrored to (its answer is in the record <c>{RequestId}-shadow</c>).</summary>
    public string? ShadowModel { get; init; }
    /// <summary>Routing: on a shadow call's own record, the two answers side by side.</summary>
    public ShadowComparison? Shadow { get; init; }
    /// <summary>Routing: kinds of personal data or secrets found in the prompt (never the values).</summary>
    public IReadOnlyList<string>? PrivacyFindings { get; init; }

    // Read by the KPIs (docs/observability.md); null when the feature that fills them is not in play.
    /// <summary>The task type the request was classified as (e.g. summarize), when routing classified it.</summary>
    public string? TaskType { get; init; }
    /// <summary>The tier of the serving model as routing saw it; KPIs fall back to the configured tier.</summary>
    public string? Tier { get; init; }
    /// <summary>The virtual key's id (never the key itself), when keys are in use.</summary>
    public string? KeyId { get; init; }
    /// <summary>How many times a cascade escalated to a stronger model (0 or null: none).</summary>
    public int? Escalations { get; init; }
    /// <summary>A quality gate's or judge's score of the served answer, 0 to 1.</summary>
    public double? QualityScore { get; init; }
    /// <summary>The key's team, when it has one.</summary>
    public string? Team { get; init; }
}
