using Arbiter.Core.Config;
using Arbiter.Core.RequestLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Tests.Browser;

/// <summary>The gateway on real Kestrel, on a free loopback port, for a browser to reach.</summary>
public sealed class LoopbackGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }
    public InMemoryRequestStore Store { get; }
    public IServiceProvider Services => _app.Services;

    private LoopbackGateway(WebApplication app, Uri baseAddress, InMemoryRequestStore store)
    {
        _app = app;
        BaseAddress = baseAddress;
        Store = store;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public static async Task<LoopbackGateway> StartAsync(ArbiterConfig config, IReadOnlyDictionary<string, string> environment)
    {
        var store = new InMemoryRequestStore();
        var app = ArbiterServer.Build(new ArbiterServerOptions
        {
            Config = config,
            Port = 0,
            Environment = name => environment.TryGetValue(name, out var v) ? v : null,
            RequestStore = store,
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackGateway(app, new Uri(address), store);
    }

    public async Task WaitForRecordsAsync(int count)
    {
        for (var i = 0; i < 500 && Store.Recent(count).Count < count; i++) await Task.Delay(10);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
