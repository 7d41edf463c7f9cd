using Arbiter.Core.Cascade;
using Arbiter.Core.Chat;
using Arbiter.Core.Routing;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Endpoints;

/// <summary>The routing engine's part of the endpoint: the routing context from headers, and cascades (buffered stages, one streamed).</summary>
internal sealed partial class ChatCompletionsEndpoint
{
    /// <summary>A configured model is planned without building a context: the direct path stays allocation-free.</summary>
    private RoutePlan PlanFor(HttpContext ctx, ChatRequest request, RequestTrace trace)
    {
        if (runtime.Router.TryPlanDirect(request.Model, out var direct)) return direct;
        var headers = ctx.Request.Headers;
        // The virtual key (id, team) was authenticated before the body was read.
        var context = RoutingContext.For(request, headers[ArbiterHeaders.Task].ToString(), headers[ArbiterHeaders.Session].ToString(),
            trace.KeyId, trace.Team);
        try { return runtime.Router.Plan(request, context); }
        finally { trace.TaskType = context.Task; }
    }

    private static void NoteRouting(RoutePlan plan, RequestTrace trace)
    {
        trace.ShadowModel = plan.Shadow?.Name;
        trace.PrivacyFindings = plan.PrivacyFindings;
    }

    private async Task CascadeAsync(HttpContext ctx, ChatRequest request, RoutePlan plan, RequestTrace trace)
    {
        CascadeOutcome outcome;
        try
        {
            outcome = await runtime.Cascade.RunAsync(request, plan, streamLastStage: request.Stream, ctx.RequestAborted, trace.Budget);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(deliveredChars: 0));
            return;
        }
        trace.Attempts = outcome.Attempts;
        trace.UpstreamTime = outcome.UpstreamTime;
        trace.Decision = outcome.Decision;
        trace.Escalations = outcome.Escalations;
        trace.QualityScore = outcome.QualityScore;
        ctx.Response.Headers[ArbiterHeaders.Decision] = outcome.Decision;
        runtime.Router.Latency.Record(outcome.Attempts);

        if (outcome.StreamStage is { } last)
        {
            // Every cheaper stage was rejected: the last one streams for real, and the record adds what the others cost.
            trace.PriorCostUsd = outcome.SpentUsd;
            trace.PriorCostUnpriced = outcome.SpentUsd is null;
            await StreamAsync(ctx, request, last with { Shadow = plan.Shadow }, trace);
            return;
        }
        if (outcome.Response is not { } response || outcome.Model is not { } model)
        {
            await FailAsync(ctx, trace, outcome.Error!);
            return;
        }

        trace.ServedModel = model.Name;
        trace.Provider = model.Provider.Name;
        var cost = outcome.SpentUsd; // every stage and judge call, not only the accepted answer
        WriteServedHeaders(ctx, model.Name, model.Provider, HeaderValues.Cost(cost), outcome.Attempts);
        ctx.Response.Headers[ArbiterHeaders.OverheadMs] = HeaderValues.Milliseconds(trace.FreezeOverhead());
        try
        {
            if (request.Stream) await ReplayAsync(ctx, request, response, trace);
            else
            {
                using var body = PooledJsonBody.Write(response, static (w, r) => Core.OpenAIFormat.OpenAIResponseWriter.WriteCompletion(w, r), 2048);
                ctx.Response.StatusCode = 200;
                await body.SendAsync(ctx.Response, ctx.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(deliveredChars: 0, response.Usage, cost));
            return;
        }
        Core.Telemetry.GatewaySpans.Served(trace.Span, model.Provider.Type, response);
        await runtime.RequestLog.EnqueueAsync(trace.Succeeded(response.Usage, cost));
        if (plan.Shadow is not null) _ = runtime.Shadow.Mirror(request, plan, trace.RequestId, model.Name, AnswerText(response));
    }

    /// <summary>Streams an accepted buffered stage: it was gated whole, so the client sees only the answer it gets.</summary>
    private static async Task ReplayAsync(HttpContext ctx, ChatRequest request, ChatResponse response, RequestTrace trace)
    {
        var sse = new SseResponseWriter(ctx.Response, request.StreamIncludeUsage);
        trace.TimeToFirstChunkMs = trace.Elapsed.TotalMilliseconds;
        foreach (var chunk in ResponseChunks.From(response)) sse.WriteChunk(chunk);
        await sse.WriteDoneAsync(ctx.RequestAborted);
    }

    private static string? AnswerText(ChatResponse response) => response.Choices.Count == 0 ? null : response.Choices[0].Message.AllText();
}
