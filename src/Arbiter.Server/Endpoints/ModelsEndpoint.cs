using System.Text.Json;
using Arbiter.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Endpoints;

/// <summary>GET /v1/models: every configured model and route, in OpenAI's list shape, with tier and provider.</summary>
internal static class ModelsEndpoint
{
    public static async Task HandleAsync(HttpContext ctx, GatewayRuntime runtime)
    {
        ctx.Response.ContentType = "application/json";
        await using var w = new Utf8JsonWriter(ctx.Response.Body);
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var m in runtime.Models.All.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", m.Name);
            w.WriteString("object", "model");
            w.WriteNumber("created", 0);
            w.WriteString("owned_by", m.Provider.Name);
            w.WriteString("provider_type", m.Provider.Type);
            if (m.Tier is not null) w.WriteString("tier", m.Tier);
            if (m.Config.ContextWindow is int window) w.WriteNumber("context_window", window);
            if (m.Price is null) w.WriteBoolean("unpriced", true);
            w.WriteEndObject();
        }
        foreach (var route in runtime.Router.RouteNames.Order(StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("id", route);
            w.WriteString("object", "model");
            w.WriteNumber("created", 0);
            w.WriteString("owned_by", "arbiter");
            w.WriteString("kind", "route");
            w.WriteString("strategy", runtime.Config.Routes[route].Strategy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
