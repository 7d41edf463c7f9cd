using Arbiter.Core.Cascade;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Providers;
using Arbiter.Core.RequestLog;
using Arbiter.Core.Routing;
using Arbiter.Core.Routing.Shadow;
using Arbiter.Core.Telemetry;
using Arbiter.Learning.Routing;
using Arbiter.Learning.Scoring;
using Arbiter.Providers;

namespace Arbiter.Server.Hosting;

/// <summary>Everything a request needs, built once from a validated configuration.</summary>
public sealed class GatewayRuntime
{
    /// <param name="onRecord">Sees each request's record once, as the request log stores it (the gateway's metrics).</param>
    public GatewayRuntime(ArbiterConfig config, ProviderContext providerContext, IRequestStore store, Action<Exception> onStoreError,
        Action<RequestRecord>? onRecord = null)
    {
        Config = config;
        Providers = config.Providers.ToDictionary(p => p.Key,
            p => AttemptTracing.Wrap(ProviderFactory.Create(p.Key, p.Value, config.Models, providerContext), config, providerContext.Time),
            StringComparer.Ordinal);
        Models = new ModelCatalog(config, Providers);
        Router = new Router(config, Models, [.. Core.Routing.Router.BuiltInStrategies, new LearnedRoutingStrategy(config, Models, Environment.CurrentDirectory)]);
        Executor = new ChatExecutor(config.Resilience, TimeSpan.FromSeconds(config.Server.UpstreamTimeoutSeconds), providerContext.Time, Models);
        Store = store;
        // The store says how long records should gather between batches. The pause paces I/O on the wall clock, so a
        // test's fake clock never holds records back.
        RequestLog = new RequestLogQueue(store, onStoreError, batchInterval: store.BatchPause, onRecord: onRecord);
        Cascade = new CascadeRunner(Executor, CascadeRunner.BuiltInGates(Executor, Models, LearnedAnswerScorers.Load(config, Environment.CurrentDirectory)));
        Shadow = new ShadowRunner(Executor, RequestLog, providerContext.Time);
        Time = providerContext.Time;
    }

    public ArbiterConfig Config { get; }
    public IReadOnlyDictionary<string, IChatProvider> Providers { get; }
    public ModelCatalog Models { get; }
    public Router Router { get; }
    public ChatExecutor Executor { get; }
    /// <summary>Runs cascade plans (quality gates, cost cap) through <see cref="Executor"/>.</summary>
    public CascadeRunner Cascade { get; }
    /// <summary>Mirrors requests to a route's shadow model off the request path.</summary>
    public ShadowRunner Shadow { get; }
    public IRequestStore Store { get; }
    public RequestLogQueue RequestLog { get; }
    public TimeProvider Time { get; }
}
