using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Providers.Tests.Anthropic;
using Arbiter.Providers.Tests.Conformance;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Providers.Tests.Fakes;

/// <summary>
/// Speaks Anthropic's Messages wire format (POST /v1/messages): a message JSON with content blocks, or the SSE
/// event sequence message_start, ping, content_block_start/delta/stop, message_delta, message_stop, each with
/// its <c>event:</c> name; usage with input tokens net of cache reads and writes; errors as
/// {"type":"error","error":{type,message}}. Requests the real API would reject are answered as it would
/// (see <see cref="AnthropicRequestRules"/>).
/// </summary>
public sealed class AnthropicFake : FakeBase
{
    private const string MessageId = "msg_01FakeAnthropicMessage";

    public static async Task<AnthropicFake> StartNewAsync()
    {
        var fake = new AnthropicFake();
        await fake.StartAsync();
        return fake;
    }

    protected override async Task AnswerAsync(HttpContext ctx, RecordedRequest request, FakeScenario scenario)
    {
        if (request.Method != "POST" || request.Path != "/v1/messages")
        {
            await WriteErrorAsync(ctx, 404, "not_found_error", $"{request.Method} {request.Path} not found");
            return;
        }
        if (AnthropicRequestRules.Check(request) is { } rejected)
        {
            await WriteErrorAsync(ctx, rejected.Status, rejected.Type, rejected.Message);
            return;
        }
        var body = JsonNode.Parse(request.Body)!;
        var stream = body["stream"]?.GetValue<bool>() == true;
        var model = body["model"]!.GetValue<string>();
        switch (scenario)
        {
            case ErrorScenario e:
                if (e.RetryAfterSeconds is int s) ctx.Response.Headers.RetryAfter = s.ToString();
                await WriteErrorAsync(ctx, e.Status, ErrorType(e.Status), e.Message);
                return;
            case AnthropicRawScenario raw:
                await WriteAsync(ctx, raw.Status, raw.ContentType, raw.Body);
                return;
            case BrokenStreamScenario b:
                await StartSseAsync(ctx);
                await SendAsync(ctx, MessageStart(model, new TokenUsage { InputTokens = 10 }));
                await SendAsync(ctx, BlockStart(0, new JsonObject { ["type"] = "text", ["text"] = "" }));
                await SendAsync(ctx, BlockDelta(0, new JsonObject { ["type"] = "text_delta", ["text"] = b.FirstPiece }));
                await AbortAfterPieceAsync(ctx, b);
                return;
        }
        if (stream) await StreamAsync(ctx, model, scenario);
        else await WriteAsync(ctx, 200, "application/json", Message(model, scenario).ToJsonString());
    }

    private static async Task StreamAsync(HttpContext ctx, string model, FakeScenario scenario)
    {
        var (usage, stopReason) = Outcome(scenario);
        await StartSseAsync(ctx);
        await SendAsync(ctx, MessageStart(model, usage));
        await SendAsync(ctx, new JsonObject { ["type"] = "ping" });
        if (scenario is TextScenario t)
        {
            await SendAsync(ctx, BlockStart(0, new JsonObject { ["type"] = "text", ["text"] = "" }));
            foreach (var piece in t.Pieces)
                await SendAsync(ctx, BlockDelta(0, new JsonObject { ["type"] = "text_delta", ["text"] = piece }));
        }
        else
        {
            var call = (ToolCallScenario)scenario;
            await SendAsync(ctx, BlockStart(0, new JsonObject { ["type"] = "tool_use", ["id"] = call.CallId, ["name"] = call.Name, ["input"] = new JsonObject() }));
            await SendAsync(ctx, BlockDelta(0, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = "" }));
            foreach (var piece in call.ArgumentPieces)
                await SendAsync(ctx, BlockDelta(0, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece }));
        }
        await SendAsync(ctx, new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        await SendAsync(ctx, new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = stopReason, ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = usage.OutputTokens },
        });
        await SendAsync(ctx, new JsonObject { ["type"] = "message_stop" });
    }

    private static JsonObject Message(string model, FakeScenario scenario)
    {
        var (usage, stopReason) = Outcome(scenario);
        var content = scenario is TextScenario t
            ? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = t.Text })
            : new JsonArray(ToolUse((ToolCallScenario)scenario));
        return new JsonObject
        {
            ["id"] = MessageId, ["type"] = "message", ["role"] = "assistant", ["model"] = model,
            ["content"] = content, ["stop_reason"] = stopReason, ["stop_sequence"] = null, ["usage"] = Usage(usage),
        };
    }

    private static JsonObject ToolUse(ToolCallScenario call) => new()
    {
        ["type"] = "tool_use", ["id"] = call.CallId, ["name"] = call.Name, ["input"] = JsonNode.Parse(call.Arguments),
    };

    private static (TokenUsage Usage, string StopReason) Outcome(FakeScenario scenario) => scenario switch
    {
        TextScenario t => (t.Usage, StopReason(t.Finish)),
        ToolCallScenario c => (c.Usage, "tool_use"),
        _ => throw new ArgumentException($"the Anthropic fake cannot render {scenario.GetType().Name}"),
    };

    /// <summary>message_start: the message with no content yet, input usage in full, output tokens so far.</summary>
    private static JsonObject MessageStart(string model, TokenUsage usage)
    {
        var u = Usage(usage);
        u["output_tokens"] = 1;
        return new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = MessageId, ["type"] = "message", ["role"] = "assistant", ["model"] = model,
                ["content"] = new JsonArray(), ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = u,
            },
        };
    }

    private static JsonObject BlockStart(int index, JsonObject block) =>
        new() { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = block };

    private static JsonObject BlockDelta(int index, JsonObject delta) =>
        new() { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta };

    /// <summary>Anthropic's convention: input_tokens excludes the tokens read from and written to the cache.</summary>
    private static JsonObject Usage(TokenUsage u) => new()
    {
        ["input_tokens"] = u.InputTokens - u.CachedInputTokens - u.CacheWriteTokens,
        ["cache_creation_input_tokens"] = u.CacheWriteTokens,
        ["cache_read_input_tokens"] = u.CachedInputTokens,
        ["output_tokens"] = u.OutputTokens,
    };

    private static string StopReason(FinishReason f) => f switch
    {
        FinishReason.Length => "max_tokens",
        FinishReason.ToolCalls => "tool_use",
        FinishReason.ContentFilter => "refusal",
        _ => "end_turn",
    };

    private static string ErrorType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    /// <summary>Sends one event named after its <c>type</c>, as Anthropic does.</summary>
    private static Task SendAsync(HttpContext ctx, JsonObject data) =>
        SendEventAsync(ctx, data.ToJsonString(), data["type"]!.GetValue<string>());

    private static Task WriteErrorAsync(HttpContext ctx, int status, string type, string message) =>
        WriteAsync(ctx, status, "application/json", new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
            ["request_id"] = "req_01FakeAnthropicRequest",
        }.ToJsonString());
}
