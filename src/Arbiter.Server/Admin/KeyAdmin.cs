using Arbiter.Core.Errors;
using Arbiter.Core.Keys;
using Arbiter.Server.Auth;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Admin;

/// <summary>
/// /admin/keys: create (the plaintext key is in that answer only), list, read, update limits, rotate (same id, new
/// secret; the old one stops working at once), revoke. Every change is written to the store, then the in-memory key
/// ring is reloaded from it.
/// </summary>
internal static class KeyAdmin
{
    private static readonly string[] CreateFields = ["name", "team"];

    public static async Task CreateAsync(HttpContext ctx, GatewayAccess access)
    {
        var body = await AdminResponses.ReadBodyAsync(ctx.Request);
        AdminJson.RejectUnknown(body, CreateFields);
        var name = AdminJson.OptionalString(body, "name", null) ?? throw AdminJson.Bad("'name' is required: a label for the key.", "name");
        var team = AdminJson.OptionalString(body, "team", null);
        var limits = AdminJson.ReadLimits(body, KeyLimits.None);
        var (plaintext, key) = access.Keys.Create(name, team, limits);
        await access.Storage.Keys.SaveKeyAsync(key, ctx.RequestAborted);
        await access.ReloadKeysAsync(ctx.RequestAborted);
        AdminAudit.KeyChanged(ctx, "created", key.Id, key.Prefix);
        await AdminResponses.WriteAsync(ctx, 201, w => AdminJson.WriteKey(w, key, null, plaintext));
    }

    public static Task ListAsync(HttpContext ctx, GatewayAccess access)
    {
        var now = access.Time.GetUtcNow();
        var keys = access.AllKeys;
        return AdminResponses.WriteAsync(ctx, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var k in keys) AdminJson.WriteKey(w, k, access.Ledger.FindKey(k.Id)?.Snapshot(now));
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static Task GetAsync(HttpContext ctx, GatewayAccess access)
    {
        var key = Find(ctx, access);
        return AdminResponses.WriteAsync(ctx, 200, w => AdminJson.WriteKey(w, key, access.Ledger.FindKey(key.Id)?.Snapshot(access.Time.GetUtcNow())));
    }

    public static async Task UpdateAsync(HttpContext ctx, GatewayAccess access)
    {
        var key = Find(ctx, access);
        var body = await AdminResponses.ReadBodyAsync(ctx.Request);
        AdminJson.RejectUnknown(body, CreateFields);
        var updated = key with
        {
            Name = AdminJson.OptionalString(body, "name", key.Name) ?? throw AdminJson.Bad("'name' cannot be null.", "name"),
            Team = AdminJson.OptionalString(body, "team", key.Team),
            Limits = AdminJson.ReadLimits(body, key.Limits),
        };
        await SaveAsync(ctx, access, updated, null, "updated");
    }

    public static async Task RotateAsync(HttpContext ctx, GatewayAccess access)
    {
        var key = Find(ctx, access);
        if (!key.IsActive) throw Error(ErrorKind.InvalidRequest, $"The key {key.Id} is revoked; create a new one instead.");
        var (plaintext, fresh) = access.Keys.Create(key.Name, key.Team, key.Limits, key.Id);
        await SaveAsync(ctx, access, key with { Hash = fresh.Hash, Prefix = fresh.Prefix }, plaintext, "rotated");
    }

    public static async Task RevokeAsync(HttpContext ctx, GatewayAccess access)
    {
        var key = Find(ctx, access);
        await SaveAsync(ctx, access, key.IsActive ? key with { RevokedAt = access.Time.GetUtcNow() } : key, null, "revoked");
    }

    private static async Task SaveAsync(HttpContext ctx, GatewayAccess access, VirtualKey key, string? plaintext, string action)
    {
        await access.Storage.Keys.SaveKeyAsync(key, ctx.RequestAborted);
        await access.ReloadKeysAsync(ctx.RequestAborted);
        AdminAudit.KeyChanged(ctx, action, key.Id, key.Prefix);
        await AdminResponses.WriteAsync(ctx, 200, w => AdminJson.WriteKey(w, key, access.Ledger.FindKey(key.Id)?.Snapshot(access.Time.GetUtcNow()), plaintext));
    }

    private static VirtualKey Find(HttpContext ctx, GatewayAccess access)
    {
        var id = ctx.Request.RouteValues["id"] as string;
        foreach (var k in access.AllKeys)
            if (k.Id == id) return k;
        throw Error(ErrorKind.NotFound, $"No virtual key with id '{id}'. GET /admin/keys lists them.");
    }

    private static ArbiterException Error(ErrorKind kind, string message) => new ArbiterError(kind, message).ToException();
}
