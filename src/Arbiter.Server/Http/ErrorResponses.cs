using System.Globalization;
using System.Text.Json;
using Arbiter.Core.Buffers;
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
        response.ContentType = "application/json";
        if (error.RetryAfter is TimeSpan wait)
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var buffer = new PooledBufferWriter(512);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) OpenAIErrorWriter.Write(w, error);
        var (bytes, length) = buffer.Detach();
        try
        {
            response.ContentLength = length;
            await response.Body.WriteAsync(bytes.AsMemory(0, length), ctx.RequestAborted);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
