using System.Text.Json.Nodes;
using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Chains;
using Arbiter.Server.Auth;
using Arbiter.Server.Endpoints;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// <c>POST /v1/chains/NAME/runs</c>: runs a configured chain on the input and answers with every step's output, model,
/// validation verdict and cost (JSON), or streams the last step as chat-completion chunks (SSE) with the run's
/// summary on the last event. Authenticated, authorized and admitted like a chat request; recorded in the request log.
/// </summary>
internal sealed class ChainRunsEndpoint(OrchestrationServices services)
{
    public async Task HandleAsync(HttpContext ctx, string name)
    {
        var runtime = services.Runtime;
        var trace = RequestTrace.Start(ctx.Request.Headers[ArbiterHeaders.RequestId], runtime.Time.GetUtcNow());
        trace.RequestedModel = "chain:" + name;
        trace.Route = "chain:" + name;
        ctx.Response.Headers[ArbiterHeaders.RequestId] = trace.RequestId;
        ChainConfigured chain;
        ChainRunBody body;
        AdmissionTicket ticket;
        try
        {
            if (RequestAuthorizer.Authenticate(ctx, services.Access, out var key, out var team) is { } denied) throw denied.ToException();
            trace.KeyId = key?.Id;
            trace.Team = key?.Team;
            chain = Find(name);
            body = await ChainRunBody.ReadAsync(ctx.Request, runtime.Config.Server.MaxBodyBytes, ctx.RequestAborted);
            trace.Stream = body.Stream;
            var job = new CompositeJob(chain.Models, chain.Config.MaxCostUsd, (_, _) => throw new InvalidOperationException());
            CompositeAccess.Authorize(job, trace.RequestedModel, key, team);
            ticket = services.Access.Admission.Admit(new ChatRequest { Model = trace.RequestedModel, Messages = [ChatMessage.User(body.Input)] }, chain.Models, key, team);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error));
            return;
        }
        try
        {
            await RunAsync(ctx, name, chain, body, trace, ticket);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(0));
        }
        finally
        {
            ticket.Settle(trace.Record?.CostUsd, trace.Record?.Usage);
        }
    }

    private async Task RunAsync(HttpContext ctx, string name, ChainConfigured chain, ChainRunBody body, RequestTrace trace, AdmissionTicket ticket)
    {
        var runtime = services.Runtime;
        var start = runtime.Time.GetTimestamp();
        var run = await services.Chains.RunAsync(name, chain.Config, body.Input, OrchestrationServices.Budget(ticket, chain.Config.MaxCostUsd), body.Stream, ctx.RequestAborted);
        trace.UpstreamTime = runtime.Time.GetElapsedTime(start);
        trace.Orchestration = run.Trace;
        trace.Decision = $"chain:{name} ({chain.Config.Steps.Count} steps)";
        trace.ServedModel = run.ServedModel?.Name;
        trace.Provider = run.ServedModel?.Provider.Name;
        var headers = ctx.Response.Headers;
        headers[OrchestrationHeaders.Mode] = OrchestrationModels.ChainMode;
        headers[OrchestrationHeaders.Escalated] = run.Trace.Escalated ? "true" : "false";
        headers[OrchestrationHeaders.FanOutCostUsd] = HeaderValues.Cost(run.Trace.FanOutCostUsd);
        if (run.Pending is { } pending)
        {
            await ChainStreaming.StreamLastStepAsync(ctx, runtime, run, pending, trace);
            return;
        }
        headers[ArbiterHeaders.CostUsd] = HeaderValues.Cost(run.CostUsd);
        var result = Result(trace.RequestId, run);
        if (run.Error is { } error)
        {
            result["error"] = new JsonObject { ["message"] = error.Message, ["type"] = ErrorCatalog.TypeOf(error.Kind), ["code"] = error.Code };
            await CompositeResponses.WriteAsync(ctx, error.HttpStatus, result);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(error, run.Usage, run.CostUsd));
            return;
        }
        if (body.Stream) await ChainStreaming.ReplayAsync(ctx, trace.RequestId, run);
        else await CompositeResponses.WriteAsync(ctx, 200, result);
        await runtime.RequestLog.EnqueueAsync(trace.Succeeded(run.Usage, run.CostUsd));
    }

    /// <summary>The run as JSON: id, status, output, then the metadata (steps, calls, costs).</summary>
    public static JsonObject Result(string id, ChainRun run)
    {
        var result = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chain.run",
            ["output"] = run.Output,
            ["latency_ms"] = run.LatencyMs,
        };
        foreach (var (k, v) in run.Metadata) result[k] = v?.DeepClone();
        return result;
    }

    private ChainConfigured Find(string name)
    {
        var chains = services.Runtime.Config.Chains;
        if (!chains.TryGetValue(name, out var config))
            throw new ArbiterError(ErrorKind.NotFound,
                $"No chain is named '{name}' (configured: {(chains.Count == 0 ? "none" : string.Join(", ", chains.Keys.Order(StringComparer.Ordinal)))}).")
            { Code = "chain_not_found" }.ToException();
        var models = config.Steps.Select(s => services.FirstModel(s.Model ?? s.Route!)).ToList();
        return new ChainConfigured(config, models);
    }
}
