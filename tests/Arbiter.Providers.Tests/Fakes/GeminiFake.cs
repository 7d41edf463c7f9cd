using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arbiter.Core.Chat;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.Gemini;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Providers.Tests.Fakes;

/// <summary>
/// Speaks Google's Gemini API wire format: POST /v1beta/models/{model}:generateContent answers one
/// GenerateContentResponse; POST /v1beta/models/{model}:streamGenerateContent?alt=sse answers SSE events, each a
/// partial GenerateContentResponse, and simply ends (no [DONE]). Function calls are streamed whole. Errors are
/// {"error": {"code", "message", "status", "details"}}, a 429's wait in a google.rpc.RetryInfo detail.
/// </summary>
public sealed partial class GeminiFake : FakeBase
{
    public static async Task<GeminiFake> StartNewAsync()
    {
        var fake = new GeminiFake();
        await fake.StartAsync();
        return fake;
    }

    [GeneratedRegex("^/v1beta/models/([^/:]+):(generateContent|streamGenerateContent)$")]
    private static partial Regex Endpoint();

    protected override async Task AnswerAsync(HttpContext ctx, RecordedRequest request, FakeScenario scenario)
    {
        var match = Endpoint().Match(request.Path);
        if (request.Method != "POST" || !match.Success)
        {
            await WriteErrorAsync(ctx, 404, $"fake: unknown endpoint {request.Method} {request.Path}");
            return;
        }
        var model = match.Groups[1].Value;
        var stream = match.Groups[2].Value == "streamGenerateContent";
        if (stream && !request.Query.Contains("alt=sse", StringComparison.Ordinal))
        {
            await WriteErrorAsync(ctx, 400, "fake: streamGenerateContent without alt=sse answers a JSON array, not SSE");
            return;
        }
        if (!request.Headers.ContainsKey("x-goog-api-key"))
        {
            await WriteErrorAsync(ctx, 403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
            return;
        }
        switch (scenario)
        {
            case ErrorScenario e:
                await WriteErrorAsync(ctx, e.Status, e.Message, e.RetryAfterSeconds);
                return;
            case GeminiRawScenario raw:
                await WriteAsync(ctx, raw.Status, stream && raw.Status == 200 ? "text/event-stream" : "application/json", raw.Body);
                return;
            case PromptBlockedScenario blocked:
                var answer = new JsonObject
                {
                    ["promptFeedback"] = new JsonObject { ["blockReason"] = blocked.BlockReason },
                    ["usageMetadata"] = new JsonObject { ["promptTokenCount"] = 12, ["totalTokenCount"] = 12 },
                    ["modelVersion"] = model,
                }.ToJsonString();
                if (!stream) await WriteAsync(ctx, 200, "application/json", answer);
                else
                {
                    await StartSseAsync(ctx);
                    await SendEventAsync(ctx, answer);
                }
                return;
            case BrokenStreamScenario b:
                await StartSseAsync(ctx);
                await SendEventAsync(ctx, Response(model, Candidate(TextPart(b.FirstPiece), null), null).ToJsonString());
                await AbortAfterPieceAsync(ctx, b);
                return;
        }
        if (!stream) await WriteAsync(ctx, 200, "application/json", Complete(model, scenario).ToJsonString());
        else await StreamAsync(ctx, model, scenario);
    }

    private static JsonObject Complete(string model, FakeScenario scenario) => scenario switch
    {
        TextScenario t => Response(model, Candidate(t.Text.Length > 0 ? TextPart(t.Text) : null, Finish(t.Finish)), t.Usage),
        ToolCallScenario c => Response(model, Candidate(FunctionCallPart(c.Name, c.Arguments), "STOP"), c.Usage),
        _ => throw new NotSupportedException(scenario.GetType().Name),
    };

    private static async Task StreamAsync(HttpContext ctx, string model, FakeScenario scenario)
    {
        await StartSseAsync(ctx);
        if (scenario is ToolCallScenario call)
        {
            // Gemini streams a function call whole, in one event.
            await SendEventAsync(ctx, Response(model, Candidate(FunctionCallPart(call.Name, call.Arguments), "STOP"), call.Usage).ToJsonString());
            return;
        }
        var text = (TextScenario)scenario;
        if (text.Pieces.Count == 0)
        {
            await SendEventAsync(ctx, Response(model, Candidate(null, Finish(text.Finish)), text.Usage).ToJsonString());
            return;
        }
        for (var i = 0; i < text.Pieces.Count; i++)
        {
            var last = i == text.Pieces.Count - 1;
            // Every event carries usage so far (prompt counted, output growing); the last one is final.
            var usage = last ? text.Usage : new TokenUsage { InputTokens = text.Usage.InputTokens, CachedInputTokens = text.Usage.CachedInputTokens };
            await SendEventAsync(ctx, Response(model, Candidate(TextPart(text.Pieces[i]), last ? Finish(text.Finish) : null), usage).ToJsonString());
        }
    }

    private static JsonObject Response(string model, JsonObject candidate, TokenUsage? usage)
    {
        var response = new JsonObject { ["candidates"] = new JsonArray(candidate) };
        if (usage is not null) response["usageMetadata"] = Usage(usage);
        response["modelVersion"] = model;
        response["responseId"] = "fake-response-1";
        return response;
    }

    private static JsonObject Candidate(JsonObject? part, string? finish)
    {
        var candidate = new JsonObject();
        if (part is not null) candidate["content"] = new JsonObject { ["parts"] = new JsonArray(part), ["role"] = "model" };
        if (finish is not null) candidate["finishReason"] = finish;
        candidate["index"] = 0;
        return candidate;
    }

    private static JsonObject TextPart(string text) => new() { ["text"] = text };

    private static JsonObject FunctionCallPart(string name, string arguments) =>
        new() { ["functionCall"] = new JsonObject { ["name"] = name, ["args"] = JsonNode.Parse(arguments) } };

    /// <summary>Canonical usage in Gemini's terms: the prompt count includes cached tokens; thinking is counted apart from the candidates.</summary>
    private static JsonObject Usage(TokenUsage u)
    {
        var usage = new JsonObject { ["promptTokenCount"] = u.InputTokens };
        if (u.OutputTokens > 0) usage["candidatesTokenCount"] = u.OutputTokens - u.ReasoningTokens;
        usage["totalTokenCount"] = u.TotalTokens;
        if (u.CachedInputTokens > 0) usage["cachedContentTokenCount"] = u.CachedInputTokens;
        if (u.ReasoningTokens > 0) usage["thoughtsTokenCount"] = u.ReasoningTokens;
        return usage;
    }

    private static string Finish(FinishReason f) => f switch
    {
        FinishReason.Length => "MAX_TOKENS",
        FinishReason.ContentFilter => "SAFETY",
        _ => "STOP",
    };

    private static async Task WriteErrorAsync(HttpContext ctx, int status, string message, int? retryAfterSeconds = null)
    {
        var error = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = StatusName(status) };
        if (retryAfterSeconds is int s)
            error["details"] = new JsonArray(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.RetryInfo", ["retryDelay"] = $"{s}s" });
        await WriteAsync(ctx, status, "application/json", new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static string StatusName(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        429 => "RESOURCE_EXHAUSTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "INTERNAL",
    };
}
