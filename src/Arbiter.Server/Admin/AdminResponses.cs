using System.Text.Json;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Admin;

/// <summary>Reads an admin request's body and writes its JSON answer.</summary>
internal static class AdminResponses
{
    /// <summary>Admin bodies are small; anything past this is refused.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<JsonElement> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxBodyBytes) throw AdminJson.Bad($"The body is larger than {MaxBodyBytes} bytes.", null);
        return AdminJson.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static async Task WriteAsync(HttpContext ctx, int status, Action<Utf8JsonWriter> write)
    {
        using var body = PooledJsonBody.Write(write, static (w, f) => f(w), 1024);
        ctx.Response.StatusCode = status;
        await body.SendAsync(ctx.Response, ctx.RequestAborted);
    }
}
