using Arbiter.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>What a request that matches no endpoint gets: 405 with Allow for a known path asked the wrong way, else 404.</summary>
internal static class UnknownRoutes
{
    private static readonly Dictionary<string, string> AllowedByPath = new(StringComparer.OrdinalIgnoreCase)
    {
        [ChatRoute.Path] = "POST",
        [ChatRoute.ShortPath] = "POST",
        ["/v1/models"] = "GET",
        ["/healthz"] = "GET",
        ["/readyz"] = "GET",
        ["/admin/keys"] = "GET, POST",
        ["/admin/teams"] = "GET",
        ["/admin/spend"] = "GET",
        ["/v1/feedback"] = "POST",
        ["/admin/kpis"] = "GET",
        ["/dashboard"] = "GET",
    };

    public static Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value?.TrimEnd('/') ?? "";
        if (AllowedByPath.TryGetValue(path, out var allowed))
        {
            ctx.Response.Headers.Allow = allowed;
            return ErrorResponses.WriteAsync(ctx, new ArbiterError(ErrorKind.MethodNotAllowed,
                $"{ctx.Request.Method} is not allowed on {path}: use {allowed}."));
        }
        return ErrorResponses.WriteAsync(ctx, new ArbiterError(ErrorKind.NotFound,
            $"Unknown path {ctx.Request.Method} {ctx.Request.Path}: Arbiter serves /v1/chat/completions and /v1/models."));
    }
}
