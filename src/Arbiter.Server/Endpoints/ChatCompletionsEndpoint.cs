using Arbiter.Core.Accounting;
using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Providers;
using Arbiter.Core.Routing;
using Arbiter.Core.Telemetry;
using Arbiter.Server.Auth;
using Arbiter.Server.Hosting;
using Arbiter.Server.Http;
using Arbiter.Server.Orchestration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Endpoints;

/// <summary>
/// POST /v1/chat/completions: read, route, execute (with fallbacks), answer as JSON or SSE with the x-arbiter-*
/// headers, and hand a record to the request log. Upstream time is measured so the overhead header is the
/// gateway's own time only.
/// </summary>
internal sealed partial class ChatCompletionsEndpoint(GatewayRuntime runtime, GatewayAccess access, IdleSpinner spinner,
    ILogger<ChatCompletionsEndpoint> logger)
{
    /// <remarks>
    /// Chat requests reach this ahead of the <see cref="UnhandledErrors"/> middleware (ArbiterServer), so this frame is
    /// their last line of defence as well: the same answer for a bug, and a record of it in the request log.
    /// </remarks>
    public async Task HandleAsync(HttpContext ctx)
    {
        spinner.RequestStarted();
        RequestTrace? trace = null;
        try
        {
            trace = RequestTrace.Start(ctx.Request.Headers[ArbiterHeaders.RequestId], runtime.Time.GetUtcNow());
            ctx.Response.Headers[ArbiterHeaders.RequestId] = trace.RequestId;

            ChatRequest request;
            RoutePlan plan;
            AdmissionTicket ticket;
            try
            {
                // Key check before the body is read: an unauthenticated client costs no parsing.
                if (RequestAuthorizer.Authenticate(ctx, access, out var key, out var team) is { } denied) throw denied.ToException();
                trace.KeyId = key?.Id;
                trace.Team = key?.Team;
                request = await ChatRequestBody.ReadAsync(ctx.Request, runtime.Config.Server.MaxBodyBytes, ctx.RequestAborted);
                trace.RequestedModel = request.Model;
                trace.Stream = request.Stream;
                if (OrchestrationModels.IsOrchestrated(request.Model))
                {
                    await ctx.RequestServices.GetRequiredService<OrchestratedChatEndpoint>().HandleAsync(ctx, request, trace, key, team);
                    return;
                }
                plan = RequestAuthorizer.Authorize(PlanFor(ctx, request, trace), request.Model, key, team);
                // A cascade's later stages are reserved one by one by the cost governor (trace.Budget), not all up front.
                ticket = access.Admission.Admit(request, plan.Mode == RouteMode.Cascade ? [plan.Candidates[0]] : plan.Candidates, key, team);
                if (plan.Mode == RouteMode.Cascade) trace.Budget = access.BudgetFor(ticket);
            }
            catch (ArbiterException ex)
            {
                await ErrorResponses.WriteAsync(ctx, ex.Error);
                await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error));
                return;
            }

            trace.Route = plan.Route;
            trace.Decision = plan.Reason;
            ctx.Response.Headers[ArbiterHeaders.Route] = plan.Route;
            ctx.Response.Headers[ArbiterHeaders.Decision] = plan.Reason;
            if (plan.Shadow is not null || plan.PrivacyFindings is not null) NoteRouting(plan, trace);
            request = plan.Request ?? request; // redacted when the route redacts personal data
            try
            {
                if (plan.Mode == RouteMode.Cascade) await CascadeAsync(ctx, request, plan, trace);
                else if (request.Stream) await StreamAsync(ctx, request, plan, trace);
                else await CompleteAsync(ctx, request, plan, trace);
            }
            finally
            {
                // Whatever happened, the reservation is released and what was paid is spent (nothing, if no record was made).
                ticket.Settle(trace.Record?.CostUsd, trace.Record?.Usage, servedWithoutUsage: trace.Record is { Status: 200, Usage: null });
            }
        }
        catch (Exception ex)
        {
            if (await UnhandledErrors.AnswerAsync(ctx, ex, logger) is { } error && trace is { Record: null })
                await runtime.RequestLog.EnqueueAsync(trace.Failed(error));
        }
        finally
        {
            spinner.RequestEnded();
        }
    }

    private async ValueTask CompleteAsync(HttpContext ctx, ChatRequest request, RoutePlan plan, RequestTrace trace)
    {
        CompletionOutcome outcome;
        try
        {
            outcome = await runtime.Executor.CompleteAsync(request, plan, ctx.RequestAborted);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(deliveredChars: 0));
            return;
        }
        trace.Attempts = outcome.Attempts;
        trace.UpstreamTime = outcome.UpstreamTime;
        runtime.Router.Latency.Record(outcome.Attempts);
        if (outcome.Response is not { } response || outcome.Model is not { } model || outcome.Deployment is not { } deployment)
        {
            await FailAsync(ctx, trace, outcome.Error!);
            return;
        }

        trace.ServedModel = model.Name;
        trace.Provider = deployment.Provider.Name;
        var cost = CostCalculator.Cost(response.Usage, deployment.Price);
        using var body = PooledJsonBody.Write(response, static (w, r) => OpenAIResponseWriter.WriteCompletion(w, r), 2048);
        try
        {
            WriteServedHeaders(ctx, model.Name, deployment.Provider, HeaderValues.Cost(cost), outcome.Attempts);
            ctx.Response.Headers[ArbiterHeaders.OverheadMs] = HeaderValues.Milliseconds(trace.Overhead);
            ctx.Response.StatusCode = 200;
            await body.SendAsync(ctx.Response, ctx.RequestAborted);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The upstream answered and was paid for: the record keeps its usage and cost.
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(deliveredChars: 0, response.Usage, cost));
            return;
        }
        GatewaySpans.Served(trace.Span, deployment.Provider.Type, response);
        await runtime.RequestLog.EnqueueAsync(trace.Succeeded(response.Usage, cost));
        if (plan.Shadow is not null) _ = runtime.Shadow.Mirror(request, plan, trace.RequestId, model.Name, AnswerText(response));
    }

    private async ValueTask StreamAsync(HttpContext ctx, ChatRequest request, RoutePlan plan, RequestTrace trace)
    {
        await using var outcome = await runtime.Executor.OpenStreamAsync(request, plan, ctx.RequestAborted);
        trace.Attempts = trace.Attempts.Count == 0 ? outcome.Attempts : [.. trace.Attempts, .. outcome.Attempts]; // after cascade stages
        trace.UpstreamTime += outcome.UpstreamTimeToFirstChunk;
        if (outcome.FirstChunk is not { } first || outcome.Model is not { } model || outcome.Deployment is not { } deployment)
        {
            await FailAsync(ctx, trace, outcome.Error!);
            return;
        }

        trace.ServedModel = model.Name;
        trace.Provider = deployment.Provider.Name;
        var price = deployment.Price;
        // A stream's cost is known only at its end: it is in the request record and, with include_usage, in the usage chunk.
        WriteServedHeaders(ctx, model.Name, deployment.Provider, costHeader: null, trace.Attempts);
        ctx.Response.Headers[ArbiterHeaders.OverheadMs] = HeaderValues.Milliseconds(trace.FreezeOverhead());
        trace.TimeToFirstChunkMs = trace.Elapsed.TotalMilliseconds;
        var sse = new SseResponseWriter(ctx.Response, request.StreamIncludeUsage);
        var accumulated = new ChatStreamAccumulator();
        try
        {
            accumulated.Add(first);
            sse.WriteChunk(first);
            while (true)
            {
                // Send what is written only when the next chunk is not already here: no chunk ever waits on another,
                // and a burst of buffered chunks goes out in one send instead of one per chunk.
                // The flush takes no token: were the client gone, a cancelled flush would return while the upstream
                // read is still running; Kestrel completes flushes on abort, and the read then sees the cancellation.
                var next = outcome.MoveNextAsync();
                if (!next.IsCompleted) await sse.FlushAsync(CancellationToken.None);
                if (!await next) break;
                accumulated.Add(outcome.Current);
                sse.WriteChunk(outcome.Current);
            }
            await sse.WriteDoneAsync(ctx.RequestAborted);
            runtime.Router.Latency.Record(model.Name, trace.Elapsed);
            GatewaySpans.Served(trace.Span, deployment.Provider.Type, accumulated.FinishReason);
            await runtime.RequestLog.EnqueueAsync(trace.Succeeded(accumulated.Usage, CostCalculator.Cost(accumulated.Usage, price)));
            if (plan.Shadow is not null) _ = runtime.Shadow.Mirror(request, plan, trace.RequestId, model.Name, accumulated.Text);
        }
        catch (ArbiterException ex)
        {
            // Bytes already reached the client: no retry, no fallback. End with an explicit error event and no [DONE].
            LogStreamBroken(logger, trace.RequestId, ex.Error.Provider, ex.Error.Kind, ex.Error.Message);
            await sse.TryWriteErrorAsync(ex.Error, ctx.RequestAborted);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error, accumulated.Usage,
                CostCalculator.Cost(accumulated.Usage, price), accumulated.TextLength));
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(accumulated.TextLength, accumulated.Usage, CostCalculator.Cost(accumulated.Usage, price)));
        }
    }

    private async Task FailAsync(HttpContext ctx, RequestTrace trace, ArbiterError error)
    {
        LogUpstreamFailure(logger, trace.RequestId, error.Provider, error.Kind, error.Message);
        WriteAttemptHeaders(ctx, trace.Attempts);
        await ErrorResponses.WriteAsync(ctx, error);
        await runtime.RequestLog.EnqueueAsync(trace.Failed(error));
    }

    private static void WriteServedHeaders(HttpContext ctx, string model, IChatProvider provider, string? costHeader, IReadOnlyList<Attempt> attempts)
    {
        var headers = ctx.Response.Headers;
        headers[ArbiterHeaders.Model] = model;
        headers[ArbiterHeaders.Provider] = provider.Name;
        if (costHeader is not null) headers[ArbiterHeaders.CostUsd] = costHeader;
        if (provider.Type == ProviderTypes.Simulated) headers[ArbiterHeaders.Simulated] = "true";
        WriteAttemptHeaders(ctx, attempts);
    }

    private static void WriteAttemptHeaders(HttpContext ctx, IReadOnlyList<Attempt> attempts)
    {
        ctx.Response.Headers[ArbiterHeaders.Attempts] = FallbackChain.CallsText(attempts);
        if (FallbackChain.IsWorthShowing(attempts)) ctx.Response.Headers[ArbiterHeaders.Fallback] = FallbackChain.Describe(attempts);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} failed upstream at provider {Provider}: {Kind}: {Message}")]
    private static partial void LogUpstreamFailure(ILogger logger, string requestId, string? provider, ErrorKind kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: stream from provider {Provider} broke after the first byte: {Kind}: {Message}")]
    private static partial void LogStreamBroken(ILogger logger, string requestId, string? provider, ErrorKind kind, string message);
}
