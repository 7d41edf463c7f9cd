using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Providers.Tests.Conformance;
using Arbiter.Providers.Tests.OpenAI;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Providers.Tests.Fakes;

/// <summary>
/// Speaks OpenAI's chat completions wire format (POST /v1/chat/completions): chat.completion JSON, or SSE
/// chat.completion.chunk events ending in <c>data: [DONE]</c>, usage in a final choice-less chunk when
/// stream_options.include_usage is set, and errors as {"error": {...}}. An <see cref="OpenAIRawScenario"/> is written verbatim.
/// </summary>
public sealed class OpenAIFake : FakeBase
{
    protected override string BasePath => "/v1";

    public static async Task<OpenAIFake> StartNewAsync()
    {
        var fake = new OpenAIFake();
        await fake.StartAsync();
        return fake;
    }

    protected override async Task AnswerAsync(HttpContext ctx, RecordedRequest request, FakeScenario scenario)
    {
        if (request.Path != "/v1/chat/completions" && !request.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            await WriteAsync(ctx, 404, "application/json", """{"error":{"message":"unknown path","type":"invalid_request_error"}}""");
            return;
        }
        var body = JsonNode.Parse(request.Body)!;
        var stream = body["stream"]?.GetValue<bool>() == true;
        var includeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var model = body["model"]?.GetValue<string>() ?? "deployment";
        switch (scenario)
        {
            case ErrorScenario e:
                if (e.RetryAfterSeconds is int s) ctx.Response.Headers.RetryAfter = s.ToString();
                await WriteAsync(ctx, e.Status, "application/json",
                    new JsonObject { ["error"] = new JsonObject { ["message"] = e.Message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = null } }.ToJsonString());
                return;
            case OpenAIRawScenario raw:
                if (raw.WithContentLength) ctx.Response.ContentLength = Encoding.UTF8.GetByteCount(raw.Body);
                await WriteAsync(ctx, raw.Status, stream && raw.Status == 200 ? "text/event-stream" : "application/json", raw.Body);
                return;
            case BrokenStreamScenario b:
                await StartSseAsync(ctx);
                await SendEventAsync(ctx, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = b.FirstPiece }, null));
                await AbortAfterPieceAsync(ctx, b);
                return;
        }
        if (!stream)
        {
            await WriteAsync(ctx, 200, "application/json", Completion(model, scenario).ToJsonString());
            return;
        }
        await StartSseAsync(ctx);
        await SendEventAsync(ctx, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null));
        TokenUsage usage;
        string finish;
        if (scenario is TextScenario t)
        {
            foreach (var piece in t.Pieces) await SendEventAsync(ctx, Chunk(model, new JsonObject { ["content"] = piece }, null));
            usage = t.Usage;
            finish = Finish(t.Finish);
        }
        else
        {
            var call = (ToolCallScenario)scenario;
            await SendEventAsync(ctx, Chunk(model, new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["id"] = call.CallId, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                }),
            }, null));
            foreach (var piece in call.ArgumentPieces)
                await SendEventAsync(ctx, Chunk(model, new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }),
                }, null));
            usage = call.Usage;
            finish = "tool_calls";
        }
        await SendEventAsync(ctx, Chunk(model, new JsonObject(), finish));
        if (includeUsage)
            await SendEventAsync(ctx, new JsonObject
            {
                ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = model,
                ["choices"] = new JsonArray(), ["usage"] = Usage(usage),
            }.ToJsonString());
        await SendEventAsync(ctx, "[DONE]");
    }

    private static JsonObject Completion(string model, FakeScenario scenario)
    {
        JsonObject message;
        string finish;
        TokenUsage usage;
        if (scenario is TextScenario t)
        {
            message = new JsonObject { ["role"] = "assistant", ["content"] = t.Text, ["refusal"] = null };
            finish = Finish(t.Finish);
            usage = t.Usage;
        }
        else
        {
            var call = (ToolCallScenario)scenario;
            message = new JsonObject
            {
                ["role"] = "assistant", ["content"] = null,
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = call.CallId, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
                }),
            };
            finish = "tool_calls";
            usage = call.Usage;
        }
        return new JsonObject
        {
            ["id"] = "chatcmpl-fake", ["object"] = "chat.completion", ["created"] = 1700000000, ["model"] = model,
            ["system_fingerprint"] = "fp_fake",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = finish }),
            ["usage"] = Usage(usage),
        };
    }

    private static string Chunk(string model, JsonObject delta, string? finish) => new JsonObject
    {
        ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["created"] = 1700000000, ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
    }.ToJsonString();

    private static JsonObject Usage(TokenUsage u) => new()
    {
        ["prompt_tokens"] = u.InputTokens, ["completion_tokens"] = u.OutputTokens, ["total_tokens"] = u.TotalTokens,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = u.CachedInputTokens },
        ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = u.ReasoningTokens },
    };

    private static string Finish(FinishReason f) => f switch
    {
        FinishReason.Length => "length",
        FinishReason.ToolCalls => "tool_calls",
        FinishReason.ContentFilter => "content_filter",
        _ => "stop",
    };
}
