using Arbiter.Core.Errors;
using Arbiter.Server.Auth;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Arbiter.Server.Admin;

/// <summary>
/// The admin API under /admin, behind the master key. Every failure answers in the OpenAI error shape: 403 when no
/// master key is configured, 401 for a missing or wrong one, 400/404 for bad input.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, GatewayAccess access)
    {
        app.MapPost("/admin/keys", Guarded(access, KeyAdmin.CreateAsync));
        app.MapGet("/admin/keys", Guarded(access, KeyAdmin.ListAsync));
        app.MapGet("/admin/keys/{id}", Guarded(access, KeyAdmin.GetAsync));
        app.MapMethods("/admin/keys/{id}", ["PATCH"], Guarded(access, KeyAdmin.UpdateAsync));
        app.MapDelete("/admin/keys/{id}", Guarded(access, KeyAdmin.RevokeAsync));
        app.MapPost("/admin/keys/{id}/rotate", Guarded(access, KeyAdmin.RotateAsync));
        app.MapPost("/admin/keys/{id}/revoke", Guarded(access, KeyAdmin.RevokeAsync));
        app.MapGet("/admin/teams", Guarded(access, TeamAdmin.ListAsync));
        app.MapPut("/admin/teams/{name}", Guarded(access, TeamAdmin.PutAsync));
        app.MapDelete("/admin/teams/{name}", Guarded(access, TeamAdmin.DeleteAsync));
        app.MapGet("/admin/spend", Guarded(access, SpendAdmin.GetAsync));
    }

    private static RequestDelegate Guarded(GatewayAccess access, Func<HttpContext, GatewayAccess, Task> handler) => async ctx =>
    {
        if (MasterKey.Check(ctx, access) is { } denied)
        {
            await ErrorResponses.WriteAsync(ctx, denied);
            return;
        }
        try
        {
            await handler(ctx, access);
        }
        catch (ArbiterException ex) when (!ctx.Response.HasStarted)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
        }
    };
}
