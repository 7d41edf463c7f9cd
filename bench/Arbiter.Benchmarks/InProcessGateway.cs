using Arbiter.Benchmarks.Fakes;
using Arbiter.Core.Config;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;
using Arbiter.Providers;

namespace Arbiter.Benchmarks;

/// <summary>
/// The gateway's runtime as Arbiter.Server's GatewayRuntime builds it (validated config, ProviderFactory, catalog,
/// router, executor), over a bare HttpMessageInvoker (as the server sends) whose handler is an in-memory upstream
/// instead of sockets.
/// </summary>
public sealed class InProcessGateway : IDisposable
{
    private readonly HttpMessageInvoker _http;

    public InProcessGateway(ArbiterConfig config, HttpMessageHandler upstream)
    {
        Func<string, string?> noEnvironment = _ => null;
        ConfigValidator.ThrowIfInvalid(config, ProviderConfigRules.Check, noEnvironment);
        _http = new HttpMessageInvoker(upstream);
        var context = new ProviderContext(_http, TimeProvider.System, noEnvironment);
        var providers = config.Providers.ToDictionary(p => p.Key,
            p => ProviderFactory.Create(p.Key, p.Value, config.Models, context), StringComparer.Ordinal);
        Models = new ModelCatalog(config, providers);
        Router = new Router(config, Models, Router.BuiltInStrategies);
        Executor = new ChatExecutor(config.Resilience, TimeSpan.FromSeconds(config.Server.UpstreamTimeoutSeconds), TimeProvider.System, Models);
    }

    public ModelCatalog Models { get; }
    public Router Router { get; }
    public ChatExecutor Executor { get; }

    public static InProcessGateway Create(byte[] upstreamBody, string contentType) =>
        new(BenchConfigs.Gateway(), new CannedUpstreamHandler(upstreamBody, contentType));

    public void Dispose() => _http.Dispose();
}
