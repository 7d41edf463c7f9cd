using Arbiter.Core.Errors;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Arbiter.Server.Hosting;

/// <summary>
/// Last line of defence: a bug becomes a 500 in the OpenAI shape (never a stack trace), and is logged. Chat requests
/// are dispatched ahead of this middleware and guard themselves with <see cref="AnswerAsync"/> in their endpoint's own
/// frame (one async layer less on the hot path); every other request passes through <see cref="HandleAsync"/>.
/// </summary>
internal static partial class UnhandledErrors
{
    /// <param name="spinner">Told when each request starts and ends: with the chat endpoint's guard, the try/finally every request passes through.</param>
    public static async Task HandleAsync(HttpContext ctx, RequestDelegate next, ILogger logger, IdleSpinner spinner)
    {
        spinner.RequestStarted();
        try
        {
            await next(ctx);
        }
        catch (Exception ex)
        {
            await AnswerAsync(ctx, ex, logger);
        }
        finally
        {
            spinner.RequestEnded();
        }
    }

    /// <summary>
    /// Answers for an exception nothing else handled: nothing when the client left, a 4xx for a request Kestrel could not
    /// read, else a logged 500. Returns the error answered (or that would have been, had the answer not started).
    /// </summary>
    public static async Task<ArbiterError?> AnswerAsync(HttpContext ctx, Exception ex, ILogger logger)
    {
        if (ex is OperationCanceledException && ctx.RequestAborted.IsCancellationRequested) return null; // the client left
        if (ex is BadHttpRequestException bad)
        {
            var kind = bad.StatusCode == 413 ? ErrorKind.PayloadTooLarge : ErrorKind.InvalidRequest;
            var error = new ArbiterError(kind, bad.StatusCode == 413 ? "The request body is larger than the gateway's limit (server.max_body_bytes)." : "The HTTP request could not be read.");
            if (!ctx.Response.HasStarted) await ErrorResponses.WriteAsync(ctx, error);
            return error;
        }
        // Chat requests have their id by now; another endpoint's gets one here, so the answer and the log line agree.
        var requestId = ctx.Response.Headers[ArbiterHeaders.RequestId].ToString();
        if (requestId.Length == 0) requestId = RequestIds.From(ctx.Request.Headers[ArbiterHeaders.RequestId]);
        LogUnhandled(logger, ex, ctx.Request.Path, requestId);
        var internalError = new ArbiterError(ErrorKind.Internal, $"Arbiter failed to handle the request (request id {requestId}); the error is logged.");
        if (ctx.Response.HasStarted) return internalError;
        ctx.Response.Clear();
        ctx.Response.Headers[ArbiterHeaders.RequestId] = requestId;
        await ErrorResponses.WriteAsync(ctx, internalError);
        return internalError;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}, request {RequestId}")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string path, string requestId);
}
