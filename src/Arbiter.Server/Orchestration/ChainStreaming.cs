using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Server.Endpoints;
using Arbiter.Server.Hosting;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// A chain run with <c>stream: true</c>: the last step streams live as chat-completion chunks (when it has no
/// validator; a validated last step is decided first and replayed), then one <c>chain.run</c> event with every
/// step, and <c>[DONE]</c>. As for chat streams, nothing is retried after the first byte.
/// </summary>
internal static class ChainStreaming
{
    public static async Task StreamLastStepAsync(HttpContext ctx, GatewayRuntime runtime, ChainRun run, (ChatRequest Request, string Target, string Step) pending, RequestTrace trace)
    {
        var request = pending.Request with { Model = pending.Target, Stream = true, StreamIncludeUsage = true };
        var plan = runtime.Router.Plan(request);
        await using var outcome = await runtime.Executor.OpenStreamAsync(plan.Request ?? request, plan, ctx.RequestAborted);
        if (outcome.FirstChunk is not { } first || outcome.Model is not { } model)
        {
            var error = outcome.Error!;
            var failed = ChainRunsEndpoint.Result(trace.RequestId, run);
            failed["status"] = "failed";
            failed["error"] = new JsonObject { ["message"] = $"chain step '{pending.Step}' failed: {error.Message}", ["type"] = ErrorCatalog.TypeOf(error.Kind) };
            await CompositeResponses.WriteAsync(ctx, error.HttpStatus, failed);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(error, run.Usage, run.CostUsd));
            return;
        }
        trace.ServedModel = model.Name;
        trace.Provider = model.Provider.Name;
        ctx.Response.Headers[ArbiterHeaders.Model] = model.Name;
        var sse = new SseResponseWriter(ctx.Response, clientWantsUsage: false);
        var text = new ChatStreamAccumulator();
        try
        {
            text.Add(first);
            sse.WriteChunk(first);
            while (await outcome.MoveNextAsync())
            {
                text.Add(outcome.Current);
                sse.WriteChunk(outcome.Current);
                await sse.FlushAsync(CancellationToken.None);
            }
        }
        catch (ArbiterException ex)
        {
            await sse.TryWriteErrorAsync(ex.Error, ctx.RequestAborted);
            var spent = Add(run.CostUsd, CostCalculator.Cost(text.Usage, model.Price));
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error, Add(run.Usage, text.Usage), spent, text.TextLength));
            return;
        }
        var cost = CostCalculator.Cost(text.Usage, model.Price);
        var total = Add(run.CostUsd, cost);
        var summary = ChainRunsEndpoint.Result(trace.RequestId, run);
        summary["output"] = text.Text;
        summary["cost_usd"] = total is decimal t ? JsonValue.Create(t) : null;
        summary["steps"]!.AsArray().Add(new JsonObject
        {
            ["name"] = pending.Step,
            ["model"] = model.Name,
            ["passed"] = true,
            ["streamed"] = true,
            ["output"] = text.Text,
            ["cost_usd"] = cost is decimal c ? JsonValue.Create(c) : null,
        });
        WriteEvent(ctx, summary);
        await sse.WriteDoneAsync(ctx.RequestAborted);
        await runtime.RequestLog.EnqueueAsync(trace.Succeeded(Add(run.Usage, text.Usage), total));
    }

    /// <summary>A run decided in full (its last step validated): the output as chunks, then the run event.</summary>
    public static async Task ReplayAsync(HttpContext ctx, string id, ChainRun run)
    {
        var sse = new SseResponseWriter(ctx.Response, clientWantsUsage: false);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = run.ServedModel?.UpstreamModel ?? run.Chain;
        ChatStreamChunk Chunk(StreamDelta delta, FinishReason? finish = null) =>
            new() { Id = id, Created = created, Model = model, Choices = [new StreamChoice(0, delta, finish)] };
        sse.WriteChunk(Chunk(new StreamDelta { Role = ChatRole.Assistant, Content = run.Output }));
        sse.WriteChunk(Chunk(StreamDelta.Empty, FinishReason.Stop));
        WriteEvent(ctx, ChainRunsEndpoint.Result(id, run));
        await sse.WriteDoneAsync(ctx.RequestAborted);
    }

    private static void WriteEvent(HttpContext ctx, JsonObject json) =>
        ctx.Response.BodyWriter.Write(Encoding.UTF8.GetBytes("data: " + json.ToJsonString() + "\n\n"));

    private static decimal? Add(decimal? a, decimal? b) => a is decimal x && b is decimal y ? x + y : null;

    private static TokenUsage? Add(TokenUsage? a, TokenUsage? b) => a is null ? b : b is null ? a : new TokenUsage
    {
        InputTokens = a.InputTokens + b.InputTokens,
        OutputTokens = a.OutputTokens + b.OutputTokens,
        CachedInputTokens = a.CachedInputTokens + b.CachedInputTokens,
        CacheWriteTokens = a.CacheWriteTokens + b.CacheWriteTokens,
        ReasoningTokens = a.ReasoningTokens + b.ReasoningTokens,
    };
}
