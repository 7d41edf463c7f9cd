using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Orchestration;
using Arbiter.Core.Orchestration.Sessions;
using Arbiter.Server.Auth;
using Arbiter.Server.Endpoints;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// Shared-state sessions: <c>POST /v1/sessions</c> (create), <c>GET /v1/sessions/{id}</c> (state and version),
/// <c>GET /v1/sessions/{id}/history</c> (every transition; <c>?version=N</c> adds the state rebuilt at N),
/// <c>POST /v1/sessions/{id}/patches</c> (a client's patch on a base version: 409 when stale) and
/// <c>POST /v1/sessions/{id}/turns</c> (a model reads the state, replies and proposes a patch).
/// </summary>
internal sealed class SessionsEndpoint(OrchestrationServices services)
{
    public Task CreateAsync(HttpContext ctx) => GuardAsync(ctx, async key =>
    {
        var body = await BodyAsync(ctx, optional: true);
        var doc = SessionRules.NewDocument(body?["state"], out var error) ?? throw Bad(error!, "state");
        var state = await services.Sessions.CreateAsync(doc, key ?? "client", ctx.RequestAborted);
        await CompositeResponses.WriteAsync(ctx, 201, Json(state));
    });

    public Task GetAsync(HttpContext ctx, string id) => GuardAsync(ctx, async _ =>
        await CompositeResponses.WriteAsync(ctx, 200, Json(await FindAsync(id, ctx.RequestAborted))));

    public Task HistoryAsync(HttpContext ctx, string id) => GuardAsync(ctx, async _ =>
    {
        await FindAsync(id, ctx.RequestAborted);
        var history = await services.Sessions.Store.HistoryAsync(id, ctx.RequestAborted);
        var result = new JsonObject
        {
            ["id"] = id,
            ["object"] = "session.history",
            ["transitions"] = new JsonArray(history.Select(t => (JsonNode)Json(t)).ToArray()),
        };
        if (ctx.Request.Query["version"].ToString() is { Length: > 0 } v)
        {
            if (!long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) throw Bad("version must be a whole number", "version");
            result["version"] = version;
            result["state"] = await services.Sessions.ReplayAsync(id, version, ctx.RequestAborted)
                ?? throw new ArbiterError(ErrorKind.NotFound, $"Session '{id}' has no version {version}.") { Param = "version" }.ToException();
        }
        await CompositeResponses.WriteAsync(ctx, 200, result);
    });

    public Task PatchAsync(HttpContext ctx, string id) => GuardAsync(ctx, async key =>
    {
        var body = await BodyAsync(ctx, optional: false);
        if (body!["base_version"] is not JsonValue bv || !bv.TryGetValue<long>(out var baseVersion)) throw Bad("give base_version: the version the patch was made against", "base_version");
        var ops = JsonPatch.Parse(body["patch"], out var error) ?? throw Bad(error!, "patch");
        var outcome = await services.Sessions.PatchAsync(id, baseVersion, ops, body["actor"]?.ToString() ?? key ?? "client", ctx.RequestAborted);
        if (outcome.Status == PatchOutcome.NotFound) throw NotFound(id);
        var result = Json(outcome.State!);
        result["patch_status"] = outcome.Status;
        result["reason"] = outcome.Reason;
        var status = outcome.Status switch { SessionTransition.Committed => 200, SessionTransition.Conflict => 409, _ => 422 };
        await CompositeResponses.WriteAsync(ctx, status, result);
    });

    public async Task TurnAsync(HttpContext ctx, string id)
    {
        var runtime = services.Runtime;
        var trace = RequestTrace.Start(ctx.Request.Headers[ArbiterHeaders.RequestId], runtime.Time.GetUtcNow());
        trace.RequestedModel = "session:" + id;
        trace.Route = "session";
        ctx.Response.Headers[ArbiterHeaders.RequestId] = trace.RequestId;
        AdmissionTicket ticket;
        string message, target;
        try
        {
            if (RequestAuthorizer.Authenticate(ctx, services.Access, out var key, out var team) is { } denied) throw denied.ToException();
            trace.KeyId = key?.Id;
            trace.Team = key?.Team;
            var body = await BodyAsync(ctx, optional: false);
            message = body!["message"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : throw Bad("give the turn's message: {\"message\": \"...\"}", "message");
            target = body["model"]?.ToString() ?? services.SessionModel;
            var model = services.FirstModel(target);
            CompositeAccess.Authorize(new CompositeJob([model], null, (_, _) => throw new InvalidOperationException()), target, key, team);
            ticket = services.Access.Admission.Admit(new ChatRequest { Model = target, Messages = [ChatMessage.User(message)] }, [model], key, team);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
            await runtime.RequestLog.EnqueueAsync(trace.Failed(ex.Error));
            return;
        }
        try
        {
            var turn = await services.Turns.TurnAsync(id, message, target, OrchestrationServices.Budget(ticket, null), ctx.RequestAborted);
            trace.Orchestration = turn.Trace;
            trace.ServedModel = turn.ServedModel?.Name;
            trace.Provider = turn.ServedModel?.Provider.Name;
            trace.Decision = $"session:{id} turn -> {target}";
            ctx.Response.Headers[OrchestrationHeaders.Mode] = OrchestrationModels.SessionMode;
            ctx.Response.Headers[ArbiterHeaders.CostUsd] = HeaderValues.Cost(turn.CostUsd);
            if (turn.Error is { } error)
            {
                await ErrorResponses.WriteAsync(ctx, error);
                await runtime.RequestLog.EnqueueAsync(trace.Failed(error, turn.Usage, turn.CostUsd));
                return;
            }
            var result = Json(turn.State!);
            result["object"] = "session.turn";
            result["reply"] = turn.Reply;
            result["patch"] = JsonPatch.ToJson(turn.Patch);
            result["patch_status"] = turn.PatchStatus;
            result["reason"] = turn.Reason;
            result["conflicts_retried"] = turn.Conflicts;
            result["model"] = turn.ServedModel?.Name;
            result["cost_usd"] = turn.CostUsd is decimal c ? JsonValue.Create(c) : null;
            await CompositeResponses.WriteAsync(ctx, turn.PatchStatus == SessionTransition.Conflict ? 409 : 200, result);
            await runtime.RequestLog.EnqueueAsync(trace.Succeeded(turn.Usage, turn.CostUsd));
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            await runtime.RequestLog.EnqueueAsync(trace.ClientGone(0));
        }
        finally
        {
            ticket.Settle(trace.Record?.CostUsd, trace.Record?.Usage);
        }
    }

    /// <summary>Authenticates (when keys are on) and turns every expected failure into the OpenAI error shape.</summary>
    private async Task GuardAsync(HttpContext ctx, Func<string?, Task> handle)
    {
        try
        {
            if (RequestAuthorizer.Authenticate(ctx, services.Access, out var key, out _) is { } denied) throw denied.ToException();
            await handle(key?.Id);
        }
        catch (ArbiterException ex)
        {
            await ErrorResponses.WriteAsync(ctx, ex.Error);
        }
    }

    private async Task<SessionState> FindAsync(string id, CancellationToken ct) =>
        await services.Sessions.Store.GetAsync(id, ct) ?? throw NotFound(id);

    private static async Task<JsonObject?> BodyAsync(HttpContext ctx, bool optional)
    {
        JsonNode? node;
        try { node = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
        catch (JsonException ex)
        {
            if (optional && ctx.Request.ContentLength is null or 0) return null;
            throw Bad("The body is not valid JSON: " + ex.Message, null);
        }
        return node as JsonObject ?? (optional && node is null ? null : throw Bad("The body must be a JSON object.", null));
    }

    private static JsonObject Json(SessionState s) => new()
    {
        ["id"] = s.Id,
        ["object"] = "session",
        ["version"] = s.Version,
        ["state"] = JsonNode.Parse(s.Document),
        ["created_at"] = s.CreatedAt.ToUnixTimeSeconds(),
        ["updated_at"] = s.UpdatedAt.ToUnixTimeSeconds(),
    };

    private static JsonObject Json(SessionTransition t) => new()
    {
        ["seq"] = t.Seq,
        ["kind"] = t.Kind,
        ["version"] = t.Version,
        ["base_version"] = t.BaseVersion,
        ["patch"] = t.Patch is null ? null : JsonNode.Parse(t.Patch),
        ["state"] = t.Document is null ? null : JsonNode.Parse(t.Document),
        ["actor"] = t.Actor,
        ["reason"] = t.Reason,
        ["at"] = t.At.ToUnixTimeMilliseconds(),
    };

    private static ArbiterException NotFound(string id) =>
        new ArbiterError(ErrorKind.NotFound, $"No session '{id}'.") { Code = "session_not_found" }.ToException();

    private static ArbiterException Bad(string message, string? param) =>
        new ArbiterError(ErrorKind.InvalidRequest, message) { Param = param }.ToException();
}
