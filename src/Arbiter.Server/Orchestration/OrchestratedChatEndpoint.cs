using System.Globalization;
using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Orchestration;
using Arbiter.Server.Endpoints;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// Chat completions for <c>ensemble:NAME</c> and <c>orchestrate:NAME</c>: runs the composite request, answers in
/// OpenAI's shape (JSON or SSE) with the <c>arbiter</c> metadata field and headers, and records the trace.
/// </summary>
internal sealed class OrchestratedChatEndpoint(OrchestrationServices services)
{
    public async Task HandleAsync(HttpContext ctx, ChatRequest request, RequestTrace trace, VirtualKey? key, Team? team)
    {
        var runtime = services.Runtime;
        CompositeJob job;
        AdmissionTicket ticket;
        try
        {
            job = Resolve(request);
            CompositeAccess.Authorize(job, request.Model, key, team);
            // The needed call is admitted like any request (its estimate reserved); each extra call asks the governor.
            ticket = services.Access.Admission.Admit(request, job.Models, key, team);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error));
            return;
        }
        try
        {
            await RunAsync(ctx, request, trace, job, ticket);
        }
        finally
        {
            ticket.Settle(trace.Record?.CostUsd, trace.Record?.Usage);
        }
    }

    private async Task RunAsync(HttpContext ctx, ChatRequest request, RequestTrace trace, CompositeJob job, AdmissionTicket ticket)
    {
        var runtime = services.Runtime;
        var start = runtime.Time.GetTimestamp();
        CompositeResult result;
        try
        {
            result = await job.Run(OrchestrationServices.Budget(ticket, job.MaxCostUsd), ctx.RequestAborted);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error));
            return;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(deliveredChars: 0));
            return;
        }
        trace.UpstreamTime = runtime.Time.GetElapsedTime(start);
        trace.Route = request.Model;
        trace.Decision = $"{result.Trace.Mode}:{result.Trace.Name} ({result.Trace.Strategy})";
        trace.Orchestration = result.Trace;
        trace.ServedModel = result.ServedModel?.Name;
        trace.Provider = result.ServedModel?.Provider.Name;
        var headers = ctx.Response.Headers;
        headers[ArbiterHeaders.Route] = trace.Route;
        headers[ArbiterHeaders.Decision] = trace.Decision;
        headers[OrchestrationHeaders.Mode] = result.Trace.Mode;
        if (result.Trace.Disagreement is double d) headers[OrchestrationHeaders.Disagreement] = d.ToString("0.####", CultureInfo.InvariantCulture);
        headers[OrchestrationHeaders.Escalated] = result.Trace.Escalated ? "true" : "false";
        if (result.Metadata["complete"] is System.Text.Json.Nodes.JsonValue complete) headers[OrchestrationHeaders.Complete] = complete.GetValue<bool>() ? "true" : "false";
        headers[OrchestrationHeaders.FanOutCostUsd] = HeaderValues.Cost(result.Trace.FanOutCostUsd);
        headers[ArbiterHeaders.CostUsd] = HeaderValues.Cost(result.CostUsd);
        if (result.Response is not { } response)
        {
            var error = result.Error!;
            await ErrorResponses.WriteAsync(ctx, error);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(error, result.Usage, result.CostUsd));
            return;
        }
        if (result.ServedModel is { } served)
        {
            headers[ArbiterHeaders.Model] = served.Name;
            headers[ArbiterHeaders.Provider] = served.Provider.Name;
        }
        headers[ArbiterHeaders.OverheadMs] = HeaderValues.Milliseconds(trace.Overhead);
        try
        {
            if (request.Stream) await CompositeResponses.WriteStreamAsync(ctx, response, result.Metadata, request.StreamIncludeUsage);
            else await CompositeResponses.WriteJsonAsync(ctx, response, result.Metadata);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(0, result.Usage, result.CostUsd));
            return;
        }
        await runtime.RequestLog.EnqueueAsync(trace.Succeeded(result.Usage, result.CostUsd));
    }

    /// <summary>What the model name asks for: the configured ensemble or orchestrator, its models, its cap and how to run it.</summary>
    private CompositeJob Resolve(ChatRequest request)
    {
        var config = services.Runtime.Config;
        if (request.Model.StartsWith(OrchestrationModels.EnsemblePrefix, StringComparison.Ordinal))
        {
            var name = request.Model[OrchestrationModels.EnsemblePrefix.Length..];
            if (!config.Ensembles.TryGetValue(name, out var ensemble)) throw NotFound(request.Model, "ensemble", config.Ensembles.Keys);
            return new CompositeJob(ModelsOf(ensemble.Members), ensemble.MaxCostUsd,
                (budget, ct) => services.Ensembles.RunAsync(name, ensemble, request, budget, ct));
        }
        var orchestrator = request.Model[OrchestrationModels.OrchestratePrefix.Length..];
        if (!config.Orchestrators.TryGetValue(orchestrator, out var settings)) throw NotFound(request.Model, "orchestrator", config.Orchestrators.Keys);
        return new CompositeJob(ModelsOf([settings.Model]), settings.MaxCostUsd,
            (budget, ct) => services.Orchestrators.RunAsync(orchestrator, settings, request, budget, ct));
    }

    /// <summary>The model each member (a model or route) is served by first.</summary>
    private List<ModelEntry> ModelsOf(IEnumerable<string> targets) => targets.Select(services.FirstModel).ToList();

    private static ArbiterException NotFound(string model, string what, IEnumerable<string> known) =>
        new ArbiterError(ErrorKind.ModelNotFound,
            $"The model '{model}' names no configured {what} (configured: {(known.Any() ? string.Join(", ", known.Order(StringComparer.Ordinal)) : "none")}).")
        { Param = "model" }.ToException();
}
