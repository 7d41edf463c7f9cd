using System.Diagnostics;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Orchestration;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Telemetry;
using Arbiter.Server.Http;

namespace Arbiter.Server.Endpoints;

/// <summary>
/// What one request did, filled in as it goes and turned into one immutable <see cref="RequestRecord"/> at the
/// end (a single allocation, rather than a record copied at every step).
/// </summary>
internal sealed class RequestTrace(string requestId, DateTimeOffset startedAt, bool requestIdIssued)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>A request starting now, under the client's x-request-id or, without a usable one, an id the gateway issues.</summary>
    public static RequestTrace Start(string? clientRequestId, DateTimeOffset startedAt) =>
        new(RequestIds.From(clientRequestId, startedAt, out var issued), startedAt, issued);

    public string RequestId { get; } = requestId;
    /// <summary>The request's span; null (and free) when nothing listens.</summary>
    public Activity? Span { get; } = GatewaySpans.StartRequest();
    public string RequestedModel { get; set; } = "";
    public bool Stream { get; set; }
    public string? Route { get; set; }
    public string? Decision { get; set; }
    public string? ServedModel { get; set; }
    public string? Provider { get; set; }
    public IReadOnlyList<Attempt> Attempts { get; set; } = [];
    /// <summary>Time spent waiting on upstreams; the rest of the elapsed time is the gateway's own.</summary>
    public TimeSpan UpstreamTime { get; set; }
    public double? TimeToFirstChunkMs { get; set; }
    /// <summary>Set when models worked together on this request (ensemble, orchestrate).</summary>
    public OrchestrationTrace? Orchestration { get; set; }
    /// <summary>The cost governor's gate for a request that fans out (a cascade); null otherwise.</summary>
    public Core.Budgets.RequestBudget? Budget { get; set; }
    public string? KeyId { get; set; }
    public string? Team { get; set; }
    /// <summary>The last record made, so the request's end can settle its budget reservation with the final cost.</summary>
    public RequestRecord? Record { get; private set; }
    public string? ShadowModel { get; set; }
    public string? TaskType { get; set; }
    public int? Escalations { get; set; }
    public double? QualityScore { get; set; }
    public IReadOnlyList<string>? PrivacyFindings { get; set; }
    /// <summary>What earlier cascade stages cost before the streamed last one; added to the record's cost.</summary>
    public decimal? PriorCostUsd { get; set; }
    /// <summary>An earlier cascade stage was unpriced: the total is unknown.</summary>
    public bool PriorCostUnpriced { get; set; }

    private TimeSpan? _frozenOverhead;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);
    public TimeSpan Overhead => _frozenOverhead ?? Elapsed - UpstreamTime;

    /// <summary>
    /// Fixes the overhead as it is now. A stream calls this when its headers go out: after that, the time is the
    /// upstream generating, and counting it as the gateway's would report a long stream as long overhead.
    /// </summary>
    public TimeSpan FreezeOverhead() => (_frozenOverhead = Elapsed - UpstreamTime).Value;

    public RequestRecord Succeeded(TokenUsage? usage, decimal? cost) => ToRecord(200, null, usage, cost, null);

    public RequestRecord Failed(ArbiterError error, TokenUsage? usage = null, decimal? cost = null, int? deliveredChars = null) =>
        ToRecord(error.HttpStatus, error, usage, cost, deliveredChars);

    public RequestRecord ClientGone(int deliveredChars, TokenUsage? usage = null, decimal? cost = null) =>
        ToRecord(499, new ArbiterError(ErrorKind.InvalidRequest, "client closed the connection"), usage, cost, deliveredChars);

    private RequestRecord ToRecord(int status, ArbiterError? error, TokenUsage? usage, decimal? cost, int? deliveredChars)
    {
        var total = Elapsed;
        var record = new RequestRecord
        {
            RequestId = RequestId,
            RequestIdIssued = requestIdIssued,
            StartedAt = startedAt,
            RequestedModel = RequestedModel,
            Route = Route,
            Decision = Decision,
            ServedModel = ServedModel,
            Provider = Provider,
            Stream = Stream,
            Status = status,
            ErrorKind = status == 499 ? null : error?.Kind,
            ErrorMessage = error?.Message,
            Usage = usage,
            CostUsd = PriorCostUnpriced ? null : PriorCostUsd is { } prior && cost is { } c ? c + prior : cost,
            LatencyMs = total.TotalMilliseconds,
            TimeToFirstChunkMs = TimeToFirstChunkMs,
            OverheadMs = Math.Max(0, (_frozenOverhead ?? total - UpstreamTime).TotalMilliseconds),
            Attempts = Attempts,
            DeliveredChars = deliveredChars,
            Mode = Orchestration?.Mode,
            Disagreement = Orchestration?.Disagreement,
            Escalated = Orchestration?.Escalated,
            FanOutCostUsd = Orchestration?.FanOutCostUsd,
            Orchestration = Orchestration,
            KeyId = KeyId,
            Team = Team,
            ShadowModel = ShadowModel,
            TaskType = TaskType,
            Escalations = Escalations,
            QualityScore = QualityScore,
            PrivacyFindings = PrivacyFindings,
        };
        GatewaySpans.CompleteRequest(Span, record);
        return Record = record;
    }
}
