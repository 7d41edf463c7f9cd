using System.Runtime.ExceptionServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Arbiter.Core.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Arbiter.Core.Execution;

/// <summary>
/// One request's walk through its candidates: each model's deployments (chosen by the model's selector, those at
/// their rate limit or with an open circuit skipped), each call through the deployment's Polly pipeline (retries,
/// breaker) under the attempt's timeout, then the fallbacks the failure calls for. Records every call and skip as an <see cref="Attempt"/>.
/// </summary>
/// <remarks>
/// With hedging, several walks of one run go at once: each claims the deployments it calls, so a hedged walk starts
/// at the first deployment nobody has claimed (the next candidate), and results that lose are discarded.
/// </remarks>
internal sealed class ExecutionRun<T>(ChatExecutor executor, UpstreamCall<T> call, ChatRequest request, CancellationToken caller, bool hedged = false)
    where T : class
{
    // Outcome<object>, the result type of the deployment's (non-generic) strategies: Polly then runs the callback
    // without a bridge per strategy (two extra async frames, and their allocations, each).
    private static readonly Func<ResilienceContext, (ExecutionRun<T> Run, ModelEntry Model, Deployment Deployment, CancellationToken Walk), ValueTask<Outcome<object>>> Callback =
        static (_, s) => s.Run.CallOnceAsync(s.Model, s.Deployment, s.Walk);

    private readonly List<Attempt> _attempts = new(1);
    private readonly HashSet<Deployment>? _claimed = hedged ? [] : null;
    private List<T>? _results;
    private bool _finished;
    private ArbiterError? _lastError;
    private PromptSize? _size;
    private long _upstreamTicks;
    private long _lastCallEnd;

    public IReadOnlyList<Attempt> Attempts => _attempts;
    public CancellationToken Caller => caller;
    /// <summary>Time spent in upstream calls and the waits between retries.</summary>
    public TimeSpan UpstreamTime => TimeSpan.FromSeconds((double)Interlocked.Read(ref _upstreamTicks) / executor.Time.TimestampFrequency);

    private PromptSize Size => _size ??= PromptSize.Of(request);

    /// <summary>Prompt tokens for RPM/TPM accounting: a rough count, no tokenizer.</summary>
    private long EstimatedTokens => Size.Rough;

    /// <summary>Whether the prompt fits <paramref name="window"/>: the tokenizer runs only when the cheap upper bound says it might not.</summary>
    private bool Fits(ModelEntry model, int window, out long tokens)
    {
        tokens = Size.UpperBound;
        if (tokens <= window) return true;
        tokens = executor.Tokens.EstimatePromptTokens(request, model);
        return tokens <= window;
    }

    /// <summary>Walks <paramref name="candidates"/> and the fallbacks their failures call for, until one answers.</summary>
    public ValueTask<RunResult<T>> WalkAsync(IReadOnlyList<ModelEntry> candidates, CancellationToken token) =>
        WalkAsync(candidates, token, null, static (result, _) => result);

    /// <summary>
    /// The walk bounded by the request's total timeout: a token source of its own (from the executor's pool) that the
    /// caller's token also cancels, made here rather than around the walk so that the bound costs no async frame of its
    /// own. <paramref name="finish"/> makes the caller's outcome of the result in the walk's frame, for the same reason.
    /// </summary>
    public ValueTask<TOut> WalkWithinAsync<TOut>(IReadOnlyList<ModelEntry> candidates, TimeSpan totalTimeout,
        Func<RunResult<T>, ExecutionRun<T>, TOut> finish) =>
        WalkAsync(candidates, caller, totalTimeout, finish);

    private async ValueTask<TOut> WalkAsync<TOut>(IReadOnlyList<ModelEntry> candidates, CancellationToken token, TimeSpan? totalTimeout,
        Func<RunResult<T>, ExecutionRun<T>, TOut> finish)
    {
        var total = totalTimeout is { } bound ? executor.TimeoutSources.Rent(bound) : null;
        var link = total is null ? default : TimeoutSourcePool.Link(caller, total);
        if (total is not null) token = total.Token;
        try
        {
            var chain = candidates;
            ArbiterError? last = null;
            for (var pos = 0; pos < chain.Count; pos++)
            {
                var model = chain[pos];
                if (model.ContextWindow is int window && !Fits(model, window, out var tokens))
                {
                    if (!ClaimAll(model)) continue; // another hedged walk already passed over it
                    last = Skip(model, model.Deployments[0], SkipReasons.ContextWindow, ExecutionErrors.WindowTooSmall(model, tokens, window));
                    chain = executor.Extend(chain, pos, model.Config.ContextWindowFallbacks);
                    continue;
                }
                // The model's deployments in the selector's order, each through its pipeline: here rather than in a
                // method of their own, whose async frame every request paid for (docs/performance.md).
                var deployments = model.Deployments;
                var excluded = SkipAtLimit(model, deployments, out var error);
                for (var tried = 0; tried < deployments.Count; tried++)
                {
                    var i = PickDeployment(model, deployments, excluded);
                    if (i < 0) break;
                    excluded |= 1UL << i;
                    var d = deployments[i];
                    if (!Claim(d)) continue;
                    var context = ResilienceContextPool.Shared.Get(token);
                    Outcome<object> outcome;
                    try
                    {
                        outcome = await executor.Pipelines.For(d).ExecuteOutcomeAsync(Callback, context, (this, model, d, token)).ConfigureAwait(false);
                    }
                    finally
                    {
                        ResilienceContextPool.Shared.Return(context);
                    }
                    if (outcome.Exception is null) return finish(new RunResult<T>((T)outcome.Result!, model, d, null), this);
                    if (!WorthNextDeployment(model, d, outcome.Exception, token, out error)) break;
                }
                if (error is null) continue; // every deployment was claimed by another hedged walk
                last = error;
                if (token.IsCancellationRequested) break;
                var fallbacks = error.Kind switch
                {
                    ErrorKind.ContextWindowExceeded => model.Config.ContextWindowFallbacks,
                    ErrorKind.ContentFiltered => model.Config.ContentPolicyFallbacks,
                    _ when ErrorCatalog.IsRetryable(error.Kind) => model.Config.Fallbacks,
                    _ => null,
                };
                // Only retryable errors go on down the route; a refusal or an overflow goes only where configured for it.
                if (fallbacks is not { Count: > 0 } && !ErrorCatalog.IsRetryable(error.Kind)) break;
                chain = executor.Extend(chain, pos, fallbacks);
            }
            // The request's total timeout fired during a call: say so, rather than that call's own cancellation.
            if (token.IsCancellationRequested && !caller.IsCancellationRequested && !hedged) last = executor.TotalTimeoutError;
            if (last is not null) Volatile.Write(ref _lastError, last);
            return finish(new RunResult<T>(null, null, null, last ?? ExecutionErrors.NoCandidates), this);
        }
        catch (OperationCanceledException) when (total is { IsCancellationRequested: true } && !caller.IsCancellationRequested)
        {
            return finish(new RunResult<T>(null, null, null, executor.TotalTimeoutError), this);
        }
        finally
        {
            if (total is not null) executor.TimeoutSources.Return(total, link);
        }
    }

    /// <summary>The last error any walk of this run ended with (a hedged walk that found nothing left ends with none).</summary>
    public ArbiterError? LastError => Volatile.Read(ref _lastError);

    /// <summary>Ends a hedged run: every result but <paramref name="winner"/> is discarded, and any that arrives later too.</summary>
    public async ValueTask FinishAsync(T? winner)
    {
        List<T>? losers;
        lock (_attempts)
        {
            _finished = true;
            losers = _results;
            _results = null;
        }
        foreach (var r in losers ?? [])
            if (!ReferenceEquals(r, winner)) await call.DiscardAsync(r).ConfigureAwait(false);
    }

    /// <summary>Keeps a hedged result until the run finishes; false once it has (the caller discards it).</summary>
    private bool Offer(T result)
    {
        if (!hedged) return true;
        lock (_attempts)
        {
            if (_finished) return false;
            (_results ??= []).Add(result);
            return true;
        }
    }

    private bool Claim(Deployment d)
    {
        if (_claimed is null) return true;
        lock (_claimed) return _claimed.Add(d);
    }

    private bool IsClaimed(Deployment d)
    {
        if (_claimed is null) return false;
        lock (_claimed) return _claimed.Contains(d);
    }

    private bool ClaimAll(ModelEntry model)
    {
        if (_claimed is null) return true;
        var any = false;
        lock (_claimed)
            foreach (var d in model.Deployments) any |= _claimed.Add(d);
        return any;
    }

    /// <summary>The next of <paramref name="model"/>'s deployments to call, by its selector; -1 when all are excluded.</summary>
    private int PickDeployment(ModelEntry model, IReadOnlyList<Deployment> deployments, ulong excluded) =>
        deployments.Count == 1 ? (excluded == 0 ? 0 : -1) : executor.SelectorFor(model).Pick(deployments, excluded);

    /// <summary>
    /// After a failed call at <paramref name="d"/>: the error it counts as (an open circuit is recorded as a skip), and
    /// whether another deployment of the same model is worth a try. The caller's own cancellation is rethrown.
    /// </summary>
    private bool WorthNextDeployment(ModelEntry model, Deployment d, Exception exception, CancellationToken token, out ArbiterError error)
    {
        if (exception is OperationCanceledException cancelled && caller.IsCancellationRequested)
            ExceptionDispatchInfo.Throw(ForToken(cancelled, caller));
        if (exception is BrokenCircuitException open)
        {
            error = Skip(model, d, SkipReasons.CircuitOpen, ExecutionErrors.CircuitOpen(d, open.RetryAfter));
            return true;
        }
        error = ExecutionErrors.Of(exception, d);
        // Another deployment of the same model refuses a refused or oversized prompt just the same.
        return !token.IsCancellationRequested && ErrorCatalog.IsRetryable(error.Kind);
    }

    /// <summary>Marks the deployments at their RPM/TPM limit as excluded, each recorded as skipped.</summary>
    private ulong SkipAtLimit(ModelEntry model, IReadOnlyList<Deployment> deployments, out ArbiterError? skipped)
    {
        ulong excluded = 0;
        skipped = null;
        DateTimeOffset? now = null;
        for (var i = 0; i < deployments.Count; i++)
        {
            var load = deployments[i].Load;
            if (!load.HasLimits) continue;
            if (IsClaimed(deployments[i])) { excluded |= 1UL << i; continue; }
            now ??= executor.Time.GetUtcNow();
            if (load.HasCapacity(now.Value, EstimatedTokens)) continue;
            excluded |= 1UL << i;
            if (!Claim(deployments[i])) continue;
            skipped = Skip(model, deployments[i], SkipReasons.RateLimit, ExecutionErrors.AtRateLimit(deployments[i], load.UntilNextWindow(now.Value)));
        }
        return excluded;
    }

    /// <summary>
    /// One call at <paramref name="d"/>, bounded by the attempt's timeout: a pooled source the walk's token also cancels.
    /// When that timeout fires the outcome is Polly's <see cref="TimeoutRejectedException"/>, which the deployment's
    /// retry and breaker handle as a timeout (see <see cref="DeploymentPipelines"/>).
    /// </summary>
    private async ValueTask<Outcome<object>> CallOnceAsync(ModelEntry model, Deployment d, CancellationToken walkToken)
    {
        var time = executor.Time;
        var retry = RetriesSoFar(d);
        var start = time.GetTimestamp();
        if (retry > 0) Interlocked.Add(ref _upstreamTicks, start - Interlocked.Read(ref _lastCallEnd)); // the backoff wait
        var load = d.Load;
        load.Started();
        if (load.HasLimits) load.CountRequest(time.GetUtcNow(), EstimatedTokens);
        var holding = false;
        var timeout = call.TimeoutOf(executor);
        var bound = executor.TimeoutSources.Rent(timeout);
        var walkLink = TimeoutSourcePool.Link(walkToken, bound);
        var attemptToken = bound.Token;
        try
        {
            var result = await call.CallAsync(executor, request, d, caller, attemptToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(start);
            call.Answered(executor, d, result);
            holding = call.HoldsLoad; // from here a stream's load ends when it is disposed, discarded ones included
            if (model.Config.ContentPolicyFallbacks is { Count: > 0 } && call.IsRefusal(result))
            {
                // An answer that is a refusal (Anthropic's stop_reason refusal, a content_filter finish): with
                // content-policy fallbacks configured it is treated as the refusal error, so they are tried.
                await call.DiscardAsync(result).ConfigureAwait(false);
                var refused = ExecutionErrors.Refused(d);
                Record(new Attempt(d.Model, d.Provider.Name, elapsed, refused.Error) { Deployment = d.Name, Retry = retry }, start);
                return Outcome.FromException<object>(refused);
            }
            if (!Offer(result))
            {
                // A hedged call that answered after another had already won.
                await call.DiscardAsync(result).ConfigureAwait(false);
                Record(new Attempt(d.Model, d.Provider.Name, elapsed, ExecutionErrors.HedgeLost(d)) { Deployment = d.Name, Retry = retry }, start);
                return Outcome.FromException<object>(new OperationCanceledException(walkToken));
            }
            load.RecordTimeToFirstByte(elapsed);
            Record(new Attempt(d.Model, d.Provider.Name, elapsed, null) { Deployment = d.Name, Retry = retry }, start);
            return Outcome.FromResult<object>(result);
        }
        catch (Exception ex)
        {
            // Cancelled by the attempt's timeout (the caller's own cancellation is rethrown by the walk).
            var error = ex is not OperationCanceledException || caller.IsCancellationRequested ? ExecutionErrors.Of(ex, d)
                : hedged && walkToken.IsCancellationRequested && IsFinishing ? ExecutionErrors.HedgeLost(d)
                : ExecutionErrors.Timeout(d, timeout).Error;
            Record(new Attempt(d.Model, d.Provider.Name, time.GetElapsedTime(start), error) { Deployment = d.Name, Retry = retry }, start);
            return Outcome.FromException<object>(ex is not OperationCanceledException oce ? ex
                : walkToken.IsCancellationRequested ? ForToken(oce, walkToken)
                : bound.IsCancellationRequested ? new TimeoutRejectedException(error.Message, timeout, oce)
                : ex);
        }
        finally
        {
            if (!holding) load.Ended();
            executor.TimeoutSources.Return(bound, walkLink);
        }
    }

    /// <summary>
    /// A cancellation as an exception for the token that was cancelled: the walk's (the client gone, the total timeout)
    /// inside the deployment's pipeline, the caller's when it leaves the run. Polly's timeout rewrites one for any other
    /// token with a stack trace resolved to source lines: on every aborted request a stack walk and, the first time,
    /// the PDB reader and the PDBs loaded.
    /// </summary>
    private static OperationCanceledException ForToken(OperationCanceledException ex, CancellationToken token) =>
        ex.CancellationToken == token ? ex : new OperationCanceledException(ex.Message, ex, token);

    /// <summary>A result is in, so a cancelled hedged walk lost rather than timed out.</summary>
    private bool IsFinishing
    {
        get
        {
            lock (_attempts) return _finished || _results is { Count: > 0 };
        }
    }

    private int RetriesSoFar(Deployment d)
    {
        var n = 0;
        lock (_attempts)
            foreach (var a in _attempts)
                if (a.Skipped is null && a.Model == d.Model && a.Deployment == d.Name) n++;
        return n;
    }

    private void Record(Attempt attempt, long start)
    {
        var end = executor.Time.GetTimestamp();
        Interlocked.Add(ref _upstreamTicks, end - start);
        Interlocked.Exchange(ref _lastCallEnd, end);
        lock (_attempts) _attempts.Add(attempt);
    }

    private ArbiterError Skip(ModelEntry model, Deployment d, string reason, ArbiterError error)
    {
        lock (_attempts) _attempts.Add(new Attempt(model.Name, d.Provider.Name, TimeSpan.Zero, error) { Deployment = d.Name, Skipped = reason });
        return error;
    }
}

/// <summary>How a walk ended: a result from a model at a deployment, or the error that ended it.</summary>
internal readonly record struct RunResult<T>(T? Result, ModelEntry? Model, Deployment? Deployment, ArbiterError? Error) where T : class;
