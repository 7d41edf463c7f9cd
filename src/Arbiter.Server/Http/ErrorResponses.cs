using System.Globalization;
using Arbiter.Core.Errors;
using Arbiter.Core.OpenAIFormat;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>Writes an <see cref="ArbiterError"/> as an OpenAI error response with its status and Retry-After.</summary>
internal static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext ctx, ArbiterError error)
    {
        var response = ctx.Response;
        response.StatusCode = error.HttpStatus;
        if (error.RetryAfter is TimeSpan wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        using var body = PooledJsonBody.Write(error, static (w, e) => OpenAIErrorWriter.Write(w, e), 512);
        await body.SendAsync(response, ctx.RequestAborted);
    }
}
