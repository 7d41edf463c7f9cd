using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Models;
using Arbiter.Core.Resilience;
using Arbiter.Core.Routing;
using Arbiter.Core.Tokens;
using Polly;
using Polly.Hedging;
using Polly.Timeout;

namespace Arbiter.Core.Execution;

/// <summary>
/// Runs a <see cref="RoutePlan"/>: for each candidate model, its deployments (chosen by the model's selection strategy),
/// each call through that deployment's Polly pipeline (retry, circuit breaker, timeout); then the fallbacks the failure
/// calls for (retryable: the route's next model and the model's <c>fallbacks</c>; a context-window overflow or a content
/// refusal: only the model's <c>context_window_fallbacks</c> / <c>content_policy_fallbacks</c>). For streams, all of this
/// ends when the first chunk arrives: after that, nothing is retried, because the client already has bytes.
/// </summary>
public sealed class ChatExecutor
{
    private readonly IReadOnlyDictionary<string, IDeploymentSelector> _selectors;
    private readonly IDeploymentSelector _defaultSelector;
    private readonly ModelCatalog? _catalog;
    private readonly TimeSpan _totalTimeout;
    // With hedging: the total timeout around a Polly hedging strategy, one pipeline per result type.
    private readonly ResiliencePipeline<RunResult<ChatResponse>>? _hedgedCompletions;
    private readonly ResiliencePipeline<RunResult<OpenedStream>>? _hedgedStreams;

    /// <summary>The executor with default resilience settings and no model-level fallbacks (tests, tools).</summary>
    public ChatExecutor(TimeProvider time, TimeSpan upstreamTimeout) : this(new ResilienceConfig(), upstreamTimeout, time) { }

    /// <param name="callTimeout">One upstream call, first byte to last (server.upstream_timeout_seconds).</param>
    /// <param name="catalog">Resolves model-level fallbacks by name and has its deployments' pipelines built now.</param>
    public ChatExecutor(ResilienceConfig config, TimeSpan callTimeout, TimeProvider time, ModelCatalog? catalog = null,
        ITokenEstimator? tokens = null, Random? random = null)
    {
        Time = time;
        CallTimeout = callTimeout;
        StreamIdleTimeout = TimeSpan.FromSeconds(config.Timeouts.StreamIdleSeconds);
        Tokens = tokens ?? TiktokenEstimator.Shared;
        random ??= config.Seed is int seed ? new Random(seed) : new Random();
        _selectors = DeploymentSelectors.Create(random);
        _defaultSelector = _selectors[config.LoadBalancing];
        _catalog = catalog;
        Pipelines = new DeploymentPipelines(config, callTimeout, time, random);
        if (catalog is not null) Pipelines.Prepare(catalog);
        _totalTimeout = TimeSpan.FromSeconds(config.Timeouts.TotalSeconds);
        TimeoutSources = new TimeoutSourcePool(time);
        if (config.Hedging is { } hedging)
        {
            _hedgedCompletions = Hedged<ChatResponse>(hedging, time);
            _hedgedStreams = Hedged<OpenedStream>(hedging, time);
        }
    }

    /// <summary>Whether hedging is configured (resilience.hedging).</summary>
    public bool Hedges => _hedgedCompletions is not null;

    private ResiliencePipeline<RunResult<T>> Hedged<T>(HedgingConfig hedging, TimeProvider time) where T : class =>
        new ResiliencePipelineBuilder<RunResult<T>> { TimeProvider = time }
            .AddTimeout(_totalTimeout)
            .AddHedging(new HedgingStrategyOptions<RunResult<T>>
            {
                Delay = TimeSpan.FromMilliseconds(hedging.DelayMs),
                MaxHedgedAttempts = hedging.MaxHedged,
                // A walk that failed lets the next one start at once; the default action generator re-runs the walk,
                // which starts at the first deployment no other walk has claimed.
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is { } ex
                    ? ex is not OperationCanceledException
                    : args.Outcome.Result.Result is null),
            })
            .Build();

    public TimeProvider Time { get; }
    public TimeSpan CallTimeout { get; }
    public TimeSpan StreamIdleTimeout { get; }
    /// <summary>Counts prompt tokens for the context-window check (only for prompts that might not fit).</summary>
    public ITokenEstimator Tokens { get; }
    public DeploymentPipelines Pipelines { get; }
    /// <summary>Sources that time out a request (its total timeout), an attempt, or a stream (its call and idle bounds), reused from one to the next.</summary>
    internal TimeoutSourcePool TimeoutSources { get; }

    /// <summary>A whole answer, from the first candidate that gives one (await it once: it is a <see cref="ValueTask{T}"/>).</summary>
    public ValueTask<CompletionOutcome> CompleteAsync(ChatRequest request, RoutePlan plan, CancellationToken cancellationToken) =>
        RunAsync(new ExecutionRun<ChatResponse>(this, CompletionCall.Instance, request, cancellationToken, Hedges), plan,
            static (r, run) => new CompletionOutcome(r.Result, r.Model, r.Error, run.Attempts, run.UpstreamTime) { Deployment = r.Deployment });

    /// <summary>A stream opened at the first candidate that sends a chunk (await it once: it is a <see cref="ValueTask{T}"/>).</summary>
    public ValueTask<StreamOutcome> OpenStreamAsync(ChatRequest request, RoutePlan plan, CancellationToken cancellationToken) =>
        RunAsync(new ExecutionRun<OpenedStream>(this, StreamOpenCall.Instance, request, cancellationToken, Hedges), plan,
            static (r, run) => new StreamOutcome(r.Result, run.Caller, r.Model, r.Error, run.Attempts, run.UpstreamTime));

    /// <summary>
    /// The walk under the request's total timeout, hedged when hedging is configured; <paramref name="finish"/> makes the
    /// outcome inside the walk's own frame (an async method here to do it would cost each request its frame and box).
    /// </summary>
    private ValueTask<TOut> RunAsync<T, TOut>(ExecutionRun<T> run, RoutePlan plan, Func<RunResult<T>, ExecutionRun<T>, TOut> finish) where T : class =>
        Hedges ? HedgedAsync(run, plan, finish) : run.WalkWithinAsync(plan.Candidates, _totalTimeout, finish);

    private async ValueTask<TOut> HedgedAsync<T, TOut>(ExecutionRun<T> run, RoutePlan plan, Func<RunResult<T>, ExecutionRun<T>, TOut> finish) where T : class
    {
        var pipeline = (ResiliencePipeline<RunResult<T>>)(typeof(T) == typeof(ChatResponse) ? _hedgedCompletions! : (object)_hedgedStreams!);
        return finish(await RunHedgedAsync(run, plan, pipeline).ConfigureAwait(false), run);
    }

    private async ValueTask<RunResult<T>> RunHedgedAsync<T>(ExecutionRun<T> run, RoutePlan plan, ResiliencePipeline<RunResult<T>> pipeline) where T : class
    {
        var context = ResilienceContextPool.Shared.Get(run.Caller);
        RunResult<T> result = default;
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(static async (ctx, s) =>
            {
                var walked = await s.run.WalkAsync(s.plan.Candidates, ctx.CancellationToken).ConfigureAwait(false);
                return Outcome.FromResult(walked);
            }, context, (run, plan)).ConfigureAwait(false);
            if (outcome.Exception is TimeoutRejectedException) return result = new RunResult<T>(null, null, null, ExecutionErrors.TotalTimeout(_totalTimeout));
            if (outcome.Exception is OperationCanceledException && run.Caller.IsCancellationRequested) outcome.ThrowIfException();
            result = outcome.Exception is null ? outcome.Result : new RunResult<T>(null, null, null, run.LastError ?? ExecutionErrors.Of(outcome.Exception));
            // A walk that found every deployment claimed ends with no error of its own: report the last real one.
            if (result.Result is null && run.LastError is { } last && ReferenceEquals(result.Error, ExecutionErrors.NoCandidates)) result = result with { Error = last };
            return result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            await run.FinishAsync(result.Result).ConfigureAwait(false);
        }
    }

    internal Errors.ArbiterError TotalTimeoutError => ExecutionErrors.TotalTimeout(_totalTimeout);

    internal IDeploymentSelector SelectorFor(ModelEntry model) =>
        model.Config.LoadBalancing is { } name && _selectors.TryGetValue(name, out var s) ? s : _defaultSelector;

    /// <summary>The chain with <paramref name="fallbacks"/> inserted after position <paramref name="at"/>, minus models already in it.</summary>
    internal IReadOnlyList<ModelEntry> Extend(IReadOnlyList<ModelEntry> chain, int at, List<string>? fallbacks)
    {
        if (fallbacks is not { Count: > 0 } || _catalog is null) return chain;
        List<ModelEntry>? grown = null;
        var insertAt = at + 1;
        foreach (var name in fallbacks)
        {
            if (!_catalog.TryGet(name, out var model) || Contains(grown ?? chain, model)) continue;
            grown ??= [.. chain];
            grown.Insert(insertAt++, model);
        }
        return grown ?? chain;
    }

    private static bool Contains(IReadOnlyList<ModelEntry> chain, ModelEntry model)
    {
        foreach (var m in chain)
            if (ReferenceEquals(m, model) || m.Name == model.Name) return true;
        return false;
    }
}
