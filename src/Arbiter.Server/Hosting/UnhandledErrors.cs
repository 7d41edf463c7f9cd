using Arbiter.Core.Errors;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Hosting;

/// <summary>Last line of defence: a bug becomes a 500 in the OpenAI shape (never a stack trace), and is logged.</summary>
internal static partial class UnhandledErrors
{
    /// <param name="spinner">Told when each request starts and ends: this is the one try/finally every request passes through.</param>
    public static async Task HandleAsync(HttpContext ctx, RequestDelegate next, ILogger logger, IdleSpinner spinner)
    {
        spinner.RequestStarted();
        try
        {
            await next(ctx);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client left; nothing to answer.
        }
        catch (BadHttpRequestException ex)
        {
            if (ctx.Response.HasStarted) return;
            var kind = ex.StatusCode == 413 ? ErrorKind.PayloadTooLarge : ErrorKind.InvalidRequest;
            await ErrorResponses.WriteAsync(ctx, new ArbiterError(kind, ex.StatusCode == 413 ? "The request body is larger than the gateway's limit (server.max_body_bytes)." : "The HTTP request could not be read."));
        }
        catch (Exception ex)
        {
            var requestId = ctx.Response.Headers[ArbiterHeaders.RequestId].ToString();
            LogUnhandled(logger, ex, ctx.Request.Path, requestId);
            if (ctx.Response.HasStarted) return;
            ctx.Response.Clear();
            ctx.Response.Headers[ArbiterHeaders.RequestId] = requestId;
            await ErrorResponses.WriteAsync(ctx, new ArbiterError(ErrorKind.Internal,
                $"Arbiter failed to handle the request (request id {requestId}); the error is logged."));
        }
        finally
        {
            spinner.RequestEnded();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}, request {RequestId}")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string path, string requestId);
}
