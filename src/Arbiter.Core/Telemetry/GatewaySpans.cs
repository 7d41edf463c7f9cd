using System.Diagnostics;
using Arbiter.Core.Chat;
using Arbiter.Core.RequestLog;
using G = Arbiter.Core.Telemetry.TelemetryNames.GenAi;
using A = Arbiter.Core.Telemetry.TelemetryNames.Arbiter;

namespace Arbiter.Core.Telemetry;

/// <summary>
/// The request span (server kind, named "chat {requested model}") and its gen_ai.* attributes, set once from the
/// finished request record. With no listener <see cref="StartRequest"/> returns null and nothing else runs.
/// </summary>
public static class GatewaySpans
{
    public static readonly ActivitySource Source = new(TelemetryNames.SourceName);

    public static Activity? StartRequest() => Source.HasListeners() ? Source.StartActivity(G.OperationChat, ActivityKind.Server) : null;

    /// <summary>Sets the span's attributes from the record and ends it.</summary>
    public static void CompleteRequest(Activity? span, RequestRecord r)
    {
        if (span is null) return;
        if (span.IsAllDataRequested)
        {
            span.DisplayName = $"{G.OperationChat} {r.RequestedModel}";
            span.SetTag(G.OperationName, G.OperationChat);
            span.SetTag(G.RequestModel, r.RequestedModel);
            span.SetTag(G.RequestStream, r.Stream);
            span.SetTag(A.RequestId, r.RequestId);
            if (r.ServedModel is not null) span.SetTag(G.ResponseModel, r.ServedModel);
            if (r.Provider is not null) span.SetTag(A.Provider, r.Provider);
            if (r.Route is not null) span.SetTag(A.Route, r.Route);
            if (r.Decision is not null) span.SetTag(A.Decision, r.Decision);
            if (r.TaskType is not null) span.SetTag(A.Task, r.TaskType);
            if (r.Tier is not null) span.SetTag(A.Tier, r.Tier);
            SetUsage(span, r.Usage);
            if (r.CostUsd is decimal cost) span.SetTag(A.CostUsd, (double)cost);
            else if (r.Usage is not null) span.SetTag(A.Unpriced, true);
            if (r.TimeToFirstChunkMs is double ttfc) span.SetTag(G.ResponseTimeToFirstChunk, ttfc / 1000);
            span.SetTag(A.Attempts, r.Attempts.Count);
            if (r.Escalations is > 0) span.SetTag(A.Escalations, r.Escalations);
            if (r.ErrorKind is { } kind)
            {
                span.SetTag(TelemetryNames.ErrorType, kind.ToString());
                span.SetStatus(ActivityStatusCode.Error, r.ErrorMessage);
            }
        }
        span.Stop();
    }

    /// <summary>
    /// The served answer on the request span: its provider (gen_ai.provider.name) and finish reasons, as the attempt
    /// spans carry them. A null span (tracing off) returns at once.
    /// </summary>
    public static void Served(Activity? span, string providerType, ChatResponse response)
    {
        if (span is not { IsAllDataRequested: true }) return;
        var reasons = new List<string>(response.Choices.Count);
        foreach (var c in response.Choices)
            if (c.FinishReason is { } reason) reasons.Add(FinishReasonName(reason));
        span.SetTag(G.ProviderName, TelemetryNames.ProviderNameOf(providerType));
        span.SetTag(G.ResponseFinishReasons, reasons.ToArray());
    }

    /// <summary>As <see cref="Served(Activity?, string, ChatResponse)"/> for a stream, whose one choice ended with <paramref name="reason"/>.</summary>
    public static void Served(Activity? span, string providerType, FinishReason? reason)
    {
        if (span is not { IsAllDataRequested: true }) return;
        span.SetTag(G.ProviderName, TelemetryNames.ProviderNameOf(providerType));
        span.SetTag(G.ResponseFinishReasons, reason is { } r ? new[] { FinishReasonName(r) } : Array.Empty<string>());
    }

    public static void SetUsage(Activity span, TokenUsage? usage)
    {
        if (usage is null) return;
        span.SetTag(G.UsageInputTokens, usage.InputTokens);
        span.SetTag(G.UsageOutputTokens, usage.OutputTokens);
        if (usage.CachedInputTokens > 0) span.SetTag(G.UsageCacheReadInputTokens, usage.CachedInputTokens);
        if (usage.CacheWriteTokens > 0) span.SetTag(G.UsageCacheCreationInputTokens, usage.CacheWriteTokens);
    }

    /// <summary>OpenAI's names for finish reasons, as gen_ai.response.finish_reasons wants them.</summary>
    public static string FinishReasonName(FinishReason reason) => reason switch
    {
        FinishReason.Stop => "stop",
        FinishReason.Length => "length",
        FinishReason.ToolCalls => "tool_calls",
        FinishReason.ContentFilter => "content_filter",
        _ => reason.ToString(),
    };
}
