using Arbiter.Core.Accounting;
using Arbiter.Core.Cascade;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>
/// Calls through the same router and executor as a plain request, so each call gets the route's fallbacks (or its
/// cascade, with its gates) and the executor's resilience; the answer's cost comes from the serving model's price.
/// </summary>
public sealed class RoutedModelCaller(Router router, ChatExecutor executor, ModelCatalog models, TimeProvider time, CascadeRunner? cascade = null) : IModelCaller
{
    public async Task<ModelCall> CallAsync(ChatRequest request, string target, string role, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        var routed = request with { Model = target, Stream = false, StreamIncludeUsage = false };
        RoutePlan plan;
        try
        {
            plan = router.Plan(routed);
        }
        catch (ArbiterException ex)
        {
            return new ModelCall(role, target, null, null, ex.Error, null, time.GetElapsedTime(start), []);
        }
        routed = plan.Request ?? routed; // redacted when the route redacts personal data
        if (plan.Mode == RouteMode.Cascade && cascade is not null)
        {
            var staged = await cascade.RunAsync(routed, plan, streamLastStage: false, cancellationToken).ConfigureAwait(false);
            return new ModelCall(role, target, staged.Response, staged.Model, staged.Error, staged.SpentUsd, time.GetElapsedTime(start), staged.Attempts) { Request = routed };
        }
        var outcome = await executor.CompleteAsync(routed, plan, cancellationToken).ConfigureAwait(false);
        var cost = outcome.Response is { } r && outcome.Model is { } m ? CostCalculator.Cost(r.Usage, m.Price) : null;
        return new ModelCall(role, target, outcome.Response, outcome.Model, outcome.Error, cost, time.GetElapsedTime(start), outcome.Attempts) { Request = routed };
    }

    public decimal? EstimateCost(ChatRequest request, string target)
    {
        if (!models.TryGet(target, out var model))
        {
            try { model = router.Plan(request with { Model = target }).Candidates[0]; }
            catch (ArbiterException) { return null; }
        }
        long chars = 0;
        foreach (var m in request.Messages) chars += m.AllText().Length;
        var output = request.MaxOutputTokens ?? ConfigDefaults.FanOutEstimatedOutputTokens;
        return CostCalculator.Estimate(chars / 4 + 4L * request.Messages.Count, output, model.Price);
    }
}
