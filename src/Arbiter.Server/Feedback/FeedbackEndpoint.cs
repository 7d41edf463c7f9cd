using System.Text.Json;
using Arbiter.Core.Errors;
using Arbiter.Core.Kpis;
using Arbiter.Server.Auth;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Feedback;

/// <summary>
/// POST /v1/feedback <c>{"request_id", "score" (0 to 1), "comment"?}</c>: the application's verdict on an answer,
/// folded into the quality KPI. Bad input is a 400 naming the field; an unknown request id is a 404. With auth on, the
/// caller sends a virtual key, and may only score requests made with that key (another key's request is a 404 too).
/// </summary>
internal sealed class FeedbackEndpoint(KpiService kpis, GatewayAccess access)
{
    private const int MaxBodyBytes = 64 * 1024;

    public async Task HandleAsync(HttpContext ctx)
    {
        try
        {
            if (RequestAuthorizer.Authenticate(ctx, access, out var key, out _) is { } denied) throw denied.ToException();
            var (requestId, score, comment) = await ReadAsync(ctx.Request, ctx.RequestAborted);
            if (await FindAsync(requestId, ctx.RequestAborted) is not { } record || (key is not null && record.KeyId != key.Id))
                throw new ArbiterError(ErrorKind.NotFound,
                    $"No request with id '{requestId}' is in the request log (ids are in each answer's x-request-id header).")
                { Param = "request_id", Code = "request_not_found" }.ToException();
            await kpis.AddFeedbackAsync(new QualityFeedback(requestId, score, comment, kpis.Time.GetUtcNow()), ctx.RequestAborted);
            ctx.Response.ContentType = "application/json";
            await using var w = new Utf8JsonWriter(ctx.Response.Body);
            w.WriteStartObject();
            w.WriteString("object", "feedback");
            w.WriteString("request_id", requestId);
            w.WriteNumber("score", score);
            w.WriteBoolean("recorded", true);
            w.WriteEndObject();
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
        }
        catch (NotSupportedException ex)
        {
            await ErrorResponses.WriteAsync(ctx, new ArbiterError(ErrorKind.Internal, ex.Message));
        }
    }

    /// <summary>
    /// The request's record. The log is written off the request path (batched, tens of milliseconds behind), so feedback
    /// sent the moment an answer arrived may come first: a miss is looked up again for a short while before it is a 404.
    /// </summary>
    private async Task<Core.RequestLog.RequestRecord?> FindAsync(string requestId, CancellationToken ct)
    {
        for (var i = 0; ; i++)
        {
            if (await kpis.FindAsync(requestId, ct) is { } found) return found;
            if (i == LogCatchUpTries) return null;
            await Task.Delay(LogCatchUpStep, kpis.Time, ct);
        }
    }

    private const int LogCatchUpTries = 8;
    private static readonly TimeSpan LogCatchUpStep = TimeSpan.FromMilliseconds(50);

    private static async Task<(string RequestId, double Score, string? Comment)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw new ArbiterError(ErrorKind.PayloadTooLarge, $"A feedback body is at most {MaxBodyBytes} bytes.").ToException();
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(new LimitedStream(request.Body, MaxBodyBytes), cancellationToken: ct);
        }
        catch (JsonException)
        {
            throw Bad(null, "The body is not valid JSON: send {\"request_id\": \"...\", \"score\": 0.0-1.0, \"comment\": \"...\"}.");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad(null, "The body must be a JSON object.");
            if (!root.TryGetProperty("request_id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } requestId)
                throw Bad("request_id", "'request_id' is required: the x-request-id of the answer the feedback is about.");
            if (!root.TryGetProperty("score", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetDouble(out var score)
                || double.IsNaN(score) || score < QualityFeedback.MinScore || score > QualityFeedback.MaxScore)
                throw Bad("score", "'score' is required: a number from 0 (bad) to 1 (good).");
            string? comment = null;
            if (root.TryGetProperty("comment", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind != JsonValueKind.String) throw Bad("comment", "'comment' must be a string.");
                comment = c.GetString();
                if (comment!.Length > QualityFeedback.MaxCommentLength)
                    throw Bad("comment", $"'comment' is at most {QualityFeedback.MaxCommentLength} characters.");
            }
            return (requestId, score, comment);
        }
    }

    private static ArbiterException Bad(string? param, string message) =>
        new ArbiterError(ErrorKind.InvalidRequest, message) { Param = param }.ToException();
}
