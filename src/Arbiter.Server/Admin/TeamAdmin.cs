using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Admin;

/// <summary>/admin/teams: list, create or update (PUT, limits in the body), delete. Keys name their team; a team not defined here has no limits of its own.</summary>
internal static class TeamAdmin
{
    public static async Task ListAsync(HttpContext ctx, GatewayAccess access)
    {
        var teams = await access.Storage.Keys.LoadTeamsAsync(ctx.RequestAborted);
        var now = access.Time.GetUtcNow();
        await AdminResponses.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var t in teams) AdminJson.WriteTeam(w, t, access.Ledger.FindTeam(t.Name)?.Snapshot(now));
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task PutAsync(HttpContext ctx, GatewayAccess access)
    {
        var name = (string)ctx.Request.RouteValues["name"]!;
        var body = await AdminResponses.ReadBodyAsync(ctx.Request);
        AdminJson.RejectUnknown(body);
        var existing = access.Ring.TeamNamed(name);
        var team = new Team
        {
            Name = name,
            Limits = AdminJson.ReadLimits(body, existing?.Limits ?? KeyLimits.None),
            CreatedAt = existing?.CreatedAt ?? access.Time.GetUtcNow(),
        };
        await access.Storage.Keys.SaveTeamAsync(team, ctx.RequestAborted);
        await access.ReloadKeysAsync(ctx.RequestAborted);
        AdminAudit.TeamChanged(ctx, existing is null ? "created" : "updated", name);
        await AdminResponses.WriteAsync(ctx, existing is null ? 201 : 200, w => AdminJson.WriteTeam(w, team, null));
    }

    public static async Task DeleteAsync(HttpContext ctx, GatewayAccess access)
    {
        var name = (string)ctx.Request.RouteValues["name"]!;
        if (!await access.Storage.Keys.DeleteTeamAsync(name, ctx.RequestAborted))
            throw new ArbiterError(ErrorKind.NotFound, $"No team named '{name}'.").ToException();
        await access.ReloadKeysAsync(ctx.RequestAborted);
        AdminAudit.TeamChanged(ctx, "deleted", name);
        await AdminResponses.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteBoolean("deleted", true);
            w.WriteEndObject();
        });
    }
}
