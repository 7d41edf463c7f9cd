using System.Globalization;
using System.Text;
using Arbiter.Core.Accounting;
using Arbiter.Core.Cascade.Gates;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Cascade;

/// <summary>
/// Runs a cascade plan: each stage (cheapest first) answers in full, buffered; its answer goes through the route's
/// gates; the first answer to pass is returned, else the next stage is asked. The last stage is not gated (nothing
/// stronger is left), and for a stream it is the only stage streamed for real. The route's cost cap bounds the
/// whole cascade: when stages and judge calls have spent it, the best answer so far is returned.
/// Calls go through <see cref="ChatExecutor"/>'s public API only.
/// </summary>
public sealed class CascadeRunner
{
    private readonly ChatExecutor _executor;
    private readonly Dictionary<string, IQualityGate> _gates;

    public CascadeRunner(ChatExecutor executor, IEnumerable<IQualityGate> gates)
    {
        _executor = executor;
        _gates = gates.ToDictionary(g => g.Name, StringComparer.Ordinal);
    }

    /// <summary>The built-in gates; <paramref name="scorers"/> are the learned scorers the <c>scorer</c> gate may use.</summary>
    public static IEnumerable<IQualityGate> BuiltInGates(ChatExecutor executor, ModelCatalog models, IEnumerable<IAnswerScorer>? scorers = null) =>
        [new EmptyAnswerGate(), new TruncationGate(), new JsonAnswerGate(), new JudgeGate(executor, models), new ScorerGate(scorers ?? [])];

    /// <param name="streamLastStage">True for a streamed request: the last stage is returned unopened, to be streamed.</param>
    /// <param name="budget">The request's cost governor: asked before every stage after the first, told every call's cost.</param>
    public async Task<CascadeOutcome> RunAsync(ChatRequest request, RoutePlan plan, bool streamLastStage, CancellationToken cancellationToken,
        Budgets.RequestBudget? budget = null)
    {
        var settings = plan.Settings ?? new Config.RouteConfig();
        var gateNames = settings.Gates ?? QualityGates.Default;
        var buffered = request.Stream ? request with { Stream = false, StreamIncludeUsage = false } : request;
        var attempts = new List<Attempt>(plan.Candidates.Count);
        var stages = new List<CascadeStage>(plan.Candidates.Count);
        var trail = new StringBuilder(plan.Reason);
        var upstream = TimeSpan.Zero;
        decimal? spent = 0m;
        (ChatResponse Response, ModelEntry Model, double? Score)? best = null;
        ArbiterError? lastError = null;

        for (var i = 0; i < plan.Candidates.Count; i++)
        {
            var model = plan.Candidates[i];
            var isLast = i == plan.Candidates.Count - 1;
            if (i > 0 && settings.CostCapUsd is { } cap && spent >= cap)
            {
                trail.Append(" | cap $").Append(cap.ToString(CultureInfo.InvariantCulture)).Append(" reached");
                break;
            }
            if (i > 0 && budget?.TryStartExtraCall(buffered, model) is { } refused)
            {
                trail.Append(" | ").Append(model.Name).Append(" not tried: ").Append(refused.Message);
                lastError = refused.ToError();
                break;
            }
            var stagePlan = new RoutePlan(plan.Route, [model], $"cascade stage {i + 1}: {model.Name}");
            if (isLast && streamLastStage)
            {
                trail.Append(" | ").Append(model.Name).Append(" streamed");
                return new CascadeOutcome(null, null, null, attempts, upstream, spent, trail.ToString(), stages) { StreamStage = stagePlan };
            }
            var outcome = await _executor.CompleteAsync(buffered, stagePlan, cancellationToken).ConfigureAwait(false);
            attempts.AddRange(outcome.Attempts);
            upstream += outcome.UpstreamTime;
            if (outcome.Response is not { } response)
            {
                lastError = outcome.Error;
                stages.Add(new CascadeStage(model.Name, false, $"failed: {lastError?.Kind}", null) { Failed = true });
                trail.Append(" | ").Append(model.Name).Append(" failed");
                if (lastError is not null && !ErrorCatalog.IsRetryable(lastError.Kind)) break; // any model would fail the same way
                continue;
            }
            var cost = CostCalculator.Cost(response.Usage, model.Price);
            spent = Add(spent, cost);
            budget?.RecordCall(cost);
            if (isLast)
            {
                stages.Add(new CascadeStage(model.Name, true, null, cost));
                trail.Append(" | ").Append(model.Name).Append(" accepted (last stage)");
                return Done(response, model, null);
            }
            var (rejection, gateCost, score) = await RunGatesAsync(gateNames, new GateInput(buffered, response, model, settings), attempts, cancellationToken).ConfigureAwait(false);
            spent = Add(spent, gateCost);
            budget?.RecordCall(gateCost);
            best = (response, model, score);
            if (rejection is null)
            {
                stages.Add(new CascadeStage(model.Name, true, null, cost));
                trail.Append(" | ").Append(model.Name).Append(" accepted");
                return Done(response, model, score);
            }
            stages.Add(new CascadeStage(model.Name, false, rejection, cost));
            trail.Append(" | ").Append(model.Name).Append(" rejected: ").Append(rejection);
        }

        if (best is { } b)
        {
            trail.Append(" | returning ").Append(b.Model.Name);
            return Done(b.Response, b.Model, b.Score);
        }
        return new CascadeOutcome(null, null, lastError ?? new ArbiterError(ErrorKind.UpstreamError, "the cascade had no stage to run"),
            attempts, upstream, spent, trail.ToString(), stages);

        CascadeOutcome Done(ChatResponse response, ModelEntry model, double? score) =>
            new(response, model, null, attempts, upstream, spent, trail.ToString(), stages) { QualityScore = score };
    }

    /// <summary>Runs the gates in order; the first failure's name and reason, or null when all pass; and what they cost.</summary>
    private async Task<(string? Rejection, decimal? Cost, double? Score)> RunGatesAsync(IReadOnlyList<string> names, GateInput input, List<Attempt> attempts, CancellationToken ct)
    {
        decimal? cost = 0m;
        double? score = null;
        foreach (var name in names)
        {
            if (!_gates.TryGetValue(name, out var gate)) continue;
            var verdict = await gate.CheckAsync(input, ct).ConfigureAwait(false);
            attempts.AddRange(verdict.Attempts);
            if (verdict.Attempts.Count > 0) cost = Add(cost, verdict.CostUsd);
            score = verdict.Score ?? score;
            if (!verdict.Passed) return ($"{name} ({verdict.Reason})", cost, score);
        }
        return (null, cost, score);
    }

    /// <summary>Unpriced anywhere makes the total unknown (null), never silently lower.</summary>
    private static decimal? Add(decimal? total, decimal? cost) => total is { } t && cost is { } c ? t + c : null;
}
