using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Providers.Tests.Fakes;

namespace Arbiter.Providers.Tests.Anthropic;

/// <summary>
/// The request checks the real Messages API makes, so the fake answers 400 (or 401) where Anthropic would
/// instead of accepting a body the real service rejects.
/// </summary>
public static class AnthropicRequestRules
{
    private static readonly HashSet<string> TopLevelFields =
    [
        "model", "max_tokens", "messages", "system", "tools", "tool_choice", "temperature", "top_p", "top_k",
        "stop_sequences", "stream", "metadata", "thinking", "service_tier", "output_config", "container",
    ];

    /// <returns>Null when the request is acceptable, else the HTTP status and Anthropic error type and message.</returns>
    public static (int Status, string Type, string Message)? Check(RecordedRequest request)
    {
        if (!request.Headers.ContainsKey("x-api-key")) return (401, "authentication_error", "x-api-key header is required");
        if (!request.Headers.ContainsKey("anthropic-version")) return Invalid("anthropic-version: header is required");
        JsonNode? body;
        try { body = JsonNode.Parse(request.Body); }
        catch (JsonException) { return Invalid("the request body is not valid JSON"); }
        if (body is not JsonObject root) return Invalid("the request body must be a JSON object");
        foreach (var (name, _) in root)
            if (!TopLevelFields.Contains(name)) return Invalid($"{name}: Extra inputs are not permitted");
        if (root["model"]?.GetValueKind() != JsonValueKind.String) return Invalid("model: Field required");
        if (root["max_tokens"]?.GetValueKind() != JsonValueKind.Number) return Invalid("max_tokens: Field required");
        if (root["system"] is { } system && system.GetValueKind() != JsonValueKind.String && system.GetValueKind() != JsonValueKind.Array)
            return Invalid("system: Input should be a valid string or list");
        if (root["messages"] is not JsonArray messages || messages.Count == 0) return Invalid("messages: Field required");
        return CheckMessages(messages);
    }

    private static (int, string, string)? CheckMessages(JsonArray messages)
    {
        string? previous = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var role = messages[i]?["role"]?.GetValue<string>();
            if (role is not ("user" or "assistant")) return Invalid($"messages.{i}.role: Input should be 'user' or 'assistant'");
            if (role == previous) return Invalid($"messages: roles must alternate between \"user\" and \"assistant\" (messages.{i})");
            previous = role;
            var content = messages[i]!["content"];
            if (content is JsonValue v && v.GetValueKind() == JsonValueKind.String) continue;
            if (content is not JsonArray blocks || blocks.Count == 0) return Invalid($"messages.{i}: all messages must have non-empty content");
            for (var j = 0; j < blocks.Count; j++)
                if (CheckBlock(blocks[j], $"messages.{i}.content.{j}") is { } error) return error;
        }
        return null;
    }

    private static (int, string, string)? CheckBlock(JsonNode? block, string path) => block?["type"]?.GetValue<string>() switch
    {
        "text" when string.IsNullOrEmpty(block["text"]?.GetValue<string>()) => Invalid($"{path}: text content blocks must be non-empty"),
        "text" => null,
        "image" when block["source"]?["type"]?.GetValue<string>() is not ("base64" or "url") => Invalid($"{path}.source: unknown image source"),
        "image" => null,
        "tool_use" when block["input"] is not JsonObject => Invalid($"{path}.input: Input should be an object"),
        "tool_use" when block["id"] is null || block["name"] is null => Invalid($"{path}: tool_use needs id and name"),
        "tool_use" => null,
        "tool_result" when block["tool_use_id"] is null => Invalid($"{path}.tool_use_id: Field required"),
        "tool_result" => null,
        var type => Invalid($"{path}.type: unsupported content block type '{type}'"),
    };

    private static (int, string, string) Invalid(string message) => (400, "invalid_request_error", message);
}
