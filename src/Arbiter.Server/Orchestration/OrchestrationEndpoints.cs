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
        services.AddSingleton<SessionsEndpoint>();
    }

    public static void Map(WebApplication app)
    {
        var chains = app.Services.GetRequiredService<ChainRunsEndpoint>();
        app.MapPost("/v1/chains/{name}/runs", (HttpContext ctx, string name) => chains.HandleAsync(ctx, name));
        var sessions = app.Services.GetRequiredService<SessionsEndpoint>();
        app.MapPost("/v1/sessions", sessions.CreateAsync);
        app.MapGet("/v1/sessions/{id}", (HttpContext ctx, string id) => sessions.GetAsync(ctx, id));
        app.MapGet("/v1/sessions/{id}/history", (HttpContext ctx, string id) => sessions.HistoryAsync(ctx, id));
        app.MapPost("/v1/sessions/{id}/patches", (HttpContext ctx, string id) => sessions.PatchAsync(ctx, id));
        app.MapPost("/v1/sessions/{id}/turns", (HttpContext ctx, string id) => sessions.TurnAsync(ctx, id));
    }
}
