using System.Collections.Concurrent;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Models;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Arbiter.Core.Resilience;

/// <summary>
/// One Polly pipeline per deployment, built once (at start-up for the catalog's deployments, on first use for any
/// other): retry (exponential backoff, jitter, Retry-After) around a circuit breaker. The breaker is the deployment's
/// own, so one deployment's outage never cools down another.
/// </summary>
/// <remarks>
/// Each call inside is bounded by the attempt's own timeout (the call timeout, or <see cref="FirstByteTimeout"/> for a stream),
/// which the executor arms on a pooled token source and reports as Polly's <see cref="TimeoutRejectedException"/>, so
/// the retry and the breaker treat it as Polly's timeout strategy's. Not that strategy itself: its pool keeps at most
/// twice as many sources as there are cores (two on one core), so under load nearly every call paid a new source and
/// timer, and an async frame of its own (docs/performance.md).
/// </remarks>
public sealed class DeploymentPipelines
{
    private readonly ConcurrentDictionary<Deployment, ResiliencePipeline> _pipelines = new();
    private readonly ResilienceConfig _config;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly RetryRules _retry;
    private readonly TimeSpan _firstByteTimeout;

    public DeploymentPipelines(ResilienceConfig config, TimeSpan callTimeout, TimeProvider time, Random random)
    {
        _config = config;
        _time = time;
        _random = random;
        _retry = new RetryRules(config.Retry);
        var firstByte = TimeSpan.FromSeconds(config.Timeouts.FirstByteSeconds);
        _firstByteTimeout = firstByte < callTimeout ? firstByte : callTimeout;
    }

    /// <summary>Builds the pipelines of every deployment in the catalog now, so no request pays for it.</summary>
    public void Prepare(ModelCatalog catalog)
    {
        foreach (var model in catalog.All)
            foreach (var d in model.Deployments) For(d);
    }

    /// <summary>A stream's first chunk: resilience.timeouts.first_byte_seconds, never more than the call timeout.</summary>
    public TimeSpan FirstByteTimeout => _firstByteTimeout;

    public ResiliencePipeline For(Deployment deployment) =>
        _pipelines.TryGetValue(deployment, out var p) ? p : _pipelines.GetOrAdd(deployment, static (_, self) => self.Build(), this);

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_retry.MaxRetries > 0)
        {
            var retry = _retry;
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(Math.Max(_config.Retry.BaseDelayMs, 0.001)),
                MaxDelay = TimeSpan.FromMilliseconds(Math.Max(_config.Retry.MaxDelayMs, 0.001)),
                Randomizer = NextDouble,
                ShouldHandle = args => new ValueTask<bool>(
                    !args.Context.CancellationToken.IsCancellationRequested && retry.ShouldRetry(args.Outcome.Exception, args.AttemptNumber)),
                // The upstream's own Retry-After beats the backoff (ShouldHandle already refused the long ones).
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is ArbiterException { Error.RetryAfter: TimeSpan wait } ? wait : null),
            });
        }
        if (_config.CircuitBreaker.Enabled)
        {
            var b = _config.CircuitBreaker;
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = b.FailureRatio,
                MinimumThroughput = b.MinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(b.SamplingSeconds, 0.5)),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(b.BreakSeconds, 0.5)),
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception switch
                {
                    TimeoutRejectedException => true,
                    ArbiterException { Error.Kind: var kind } => ErrorClasses.IsDeploymentFailure(kind),
                    _ => false,
                }),
            });
        }
        return builder.Build();
    }

    private double NextDouble()
    {
        lock (_random) return _random.NextDouble();
    }
}
