using Arbiter.Server.Auth;
using Arbiter.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Arbiter.Server.Orchestration;

/// <summary>Registers the services and maps the endpoints of models working together (one call each from <c>ArbiterServer</c>).</summary>
internal static class OrchestrationEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new OrchestrationServices(sp.GetRequiredService<GatewayRuntime>(), sp.GetRequiredService<GatewayAccess>()));
        services.AddSingleton<OrchestratedChatEndpoint>();
    }

    public static void Map(WebApplication app)
    {
    }
}
