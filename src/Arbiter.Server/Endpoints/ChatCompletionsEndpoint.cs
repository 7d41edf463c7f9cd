using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Arbiter.Core.Accounting;
using Arbiter.Core.Buffers;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Core.Providers;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Routing;
using Arbiter.Server.Hosting;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Endpoints;

/// <summary>
/// POST /v1/chat/completions: read, route, execute (with fallbacks), answer as JSON or SSE with the x-arbiter-*
/// headers, and hand a record to the request log. Upstream time is measured so the overhead header is the
/// gateway's own time only.
/// </summary>
internal sealed partial class ChatCompletionsEndpoint(GatewayRuntime runtime, ILogger<ChatCompletionsEndpoint> logger)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        var start = Stopwatch.GetTimestamp();
        var startedAt = runtime.Time.GetUtcNow();
        var requestId = RequestIds.From(ctx.Request.Headers[ArbiterHeaders.RequestId]);
        ctx.Response.Headers[ArbiterHeaders.RequestId] = requestId;
        var record = new RequestRecord { RequestId = requestId, StartedAt = startedAt, RequestedModel = "", Status = 0 };

        ChatRequest request;
        RoutePlan plan;
        try
        {
            request = await ChatRequestBody.ReadAsync(ctx.Request, runtime.Config.Server.MaxBodyBytes, ctx.RequestAborted);
            record = record with { RequestedModel = request.Model, Stream = request.Stream };
            plan = runtime.Router.Plan(request);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            await FinishAsync(record with { Status = ex.Error.HttpStatus, ErrorKind = ex.Error.Kind, ErrorMessage = ex.Error.Message }, start, TimeSpan.Zero);
            return;
        }

        record = record with { Route = plan.Route, Decision = plan.Reason };
        ctx.Response.Headers[ArbiterHeaders.Route] = plan.Route;
        if (request.Stream) await StreamAsync(ctx, request, plan, record, start);
        else await CompleteAsync(ctx, request, plan, record, start);
    }

    private async Task CompleteAsync(HttpContext ctx, ChatRequest request, RoutePlan plan, RequestRecord record, long start)
    {
        var outcome = await runtime.Executor.CompleteAsync(request, plan, ctx.RequestAborted);
        record = record with { Attempts = outcome.Attempts };
        if (outcome.Response is not { } response || outcome.Model is not { } model)
        {
            var error = outcome.Error!;
            LogUpstreamFailure(logger, record.RequestId, error.Provider, error.Kind, error.Message);
            WriteAttemptHeaders(ctx, outcome.Attempts);
            await ErrorResponses.WriteAsync(ctx, error);
            await FinishAsync(record with { Status = error.HttpStatus, ErrorKind = error.Kind, ErrorMessage = error.Message }, start, outcome.UpstreamTime);
            return;
        }

        var cost = CostCalculator.Cost(response.Usage, model.Price);
        var buffer = new PooledBufferWriter(2048);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) OpenAIResponseWriter.WriteCompletion(w, response);
        var (bytes, length) = buffer.Detach();
        try
        {
            var headers = ctx.Response.Headers;
            WriteServedHeaders(ctx, model.Name, model.Provider, CostHeader(cost), outcome.Attempts);
            var overhead = Stopwatch.GetElapsedTime(start) - outcome.UpstreamTime;
            headers[ArbiterHeaders.OverheadMs] = Milliseconds(overhead);
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = length;
            await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, length), ctx.RequestAborted);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
        await FinishAsync(record with
        {
            Status = 200, ServedModel = model.Name, Provider = model.Provider.Name, Usage = response.Usage, CostUsd = cost,
        }, start, outcome.UpstreamTime);
    }

    private async Task StreamAsync(HttpContext ctx, ChatRequest request, RoutePlan plan, RequestRecord record, long start)
    {
        await using var outcome = await runtime.Executor.OpenStreamAsync(request, plan, ctx.RequestAborted);
        record = record with { Attempts = outcome.Attempts };
        if (outcome.FirstChunk is not { } first || outcome.Model is not { } model)
        {
            var error = outcome.Error!;
            LogUpstreamFailure(logger, record.RequestId, error.Provider, error.Kind, error.Message);
            WriteAttemptHeaders(ctx, outcome.Attempts);
            await ErrorResponses.WriteAsync(ctx, error);
            await FinishAsync(record with { Status = error.HttpStatus, ErrorKind = error.Kind, ErrorMessage = error.Message }, start, outcome.UpstreamTimeToFirstChunk);
            return;
        }

        // A stream's cost is known only at its end: it is in the request record and, with include_usage, in the usage chunk.
        WriteServedHeaders(ctx, model.Name, model.Provider, costHeader: null, outcome.Attempts);
        ctx.Response.Headers[ArbiterHeaders.OverheadMs] = Milliseconds(Stopwatch.GetElapsedTime(start) - outcome.UpstreamTimeToFirstChunk);
        var ttfc = Stopwatch.GetElapsedTime(start);
        var sse = new SseResponseWriter(ctx.Response, request.StreamIncludeUsage);
        var accumulated = new ChatStreamAccumulator();
        record = record with { ServedModel = model.Name, Provider = model.Provider.Name, TimeToFirstChunkMs = ttfc.TotalMilliseconds };
        try
        {
            accumulated.Add(first);
            await sse.WriteChunkAsync(first, ctx.RequestAborted);
            await foreach (var chunk in outcome.RestAsync())
            {
                accumulated.Add(chunk);
                await sse.WriteChunkAsync(chunk, ctx.RequestAborted);
            }
            await sse.WriteDoneAsync(ctx.RequestAborted);
            var cost = CostCalculator.Cost(accumulated.Usage, model.Price);
            await FinishAsync(record with { Status = 200, Usage = accumulated.Usage, CostUsd = cost }, start, outcome.UpstreamTimeToFirstChunk);
        }
        catch (ArbiterException ex)
        {
            // Bytes already reached the client: no retry, no fallback. End with an explicit error event and no [DONE].
            LogStreamBroken(logger, record.RequestId, ex.Error.Provider, ex.Error.Kind, ex.Error.Message);
            await sse.TryWriteErrorAsync(ex.Error, ctx.RequestAborted);
            await FinishAsync(record with
            {
                Status = ex.Error.HttpStatus, ErrorKind = ex.Error.Kind, ErrorMessage = ex.Error.Message,
                Usage = accumulated.Usage, CostUsd = CostCalculator.Cost(accumulated.Usage, model.Price), DeliveredChars = accumulated.Text.Length,
            }, start, outcome.UpstreamTimeToFirstChunk);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await FinishAsync(record with { Status = 499, ErrorMessage = "client closed the connection", DeliveredChars = accumulated.Text.Length }, start, outcome.UpstreamTimeToFirstChunk);
        }
    }

    private static void WriteServedHeaders(HttpContext ctx, string model, IChatProvider provider, string? costHeader, IReadOnlyList<Attempt> attempts)
    {
        var headers = ctx.Response.Headers;
        headers[ArbiterHeaders.Model] = model;
        headers[ArbiterHeaders.Provider] = provider.Name;
        if (costHeader is not null) headers[ArbiterHeaders.CostUsd] = costHeader;
        if (provider.Type == ProviderTypes.Simulated) headers[ArbiterHeaders.Simulated] = "true";
        if (attempts.Count > 1) WriteAttemptHeaders(ctx, attempts);
    }

    private static void WriteAttemptHeaders(HttpContext ctx, IReadOnlyList<Attempt> attempts) =>
        ctx.Response.Headers[ArbiterHeaders.Attempts] = attempts.Count.ToString(CultureInfo.InvariantCulture);

    private ValueTask FinishAsync(RequestRecord record, long start, TimeSpan upstream)
    {
        var total = Stopwatch.GetElapsedTime(start);
        return runtime.RequestLog.EnqueueAsync(record with
        {
            LatencyMs = total.TotalMilliseconds,
            OverheadMs = Math.Max(0, (total - upstream).TotalMilliseconds),
        });
    }

    /// <summary>The cost in USD, or "unpriced" for a model without a price: never a silent $0.</summary>
    private static string CostHeader(decimal? cost) =>
        cost is decimal c ? c.ToString("0.##########", CultureInfo.InvariantCulture) : "unpriced";

    private static string Milliseconds(TimeSpan t) => Math.Max(0, t.TotalMilliseconds).ToString("0.000", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} failed upstream at provider {Provider}: {Kind}: {Message}")]
    private static partial void LogUpstreamFailure(ILogger logger, string requestId, string? provider, ErrorKind kind, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: stream from provider {Provider} broke after the first byte: {Kind}: {Message}")]
    private static partial void LogStreamBroken(ILogger logger, string requestId, string? provider, ErrorKind kind, string message);
}
