using Arbiter.Server.Auth;
using Arbiter.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Orchestration;

/// <summary>Registers the services and maps the endpoints of models working together (one call each from <c>ArbiterServer</c>).</summary>
internal static class OrchestrationEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new OrchestrationServices(sp.GetRequiredService<GatewayRuntime>(), sp.GetRequiredService<GatewayAccess>()));
        services.AddSingleton<OrchestratedChatEndpoint>();
        services.AddSingleton<ChainRunsEndpoint>();
    }

    public static void Map(WebApplication app)
    {
        var chains = app.Services.GetRequiredService<ChainRunsEndpoint>();
        app.MapPost("/v1/chains/{name}/runs", (HttpContext ctx, string name) => chains.HandleAsync(ctx, name));
    }
}
