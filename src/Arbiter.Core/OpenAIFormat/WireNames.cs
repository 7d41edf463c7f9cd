using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>OpenAI's spellings of roles and finish reasons.</summary>
public static class WireNames
{
    public static string Role(ChatRole role) => role switch
    {
        ChatRole.System => "system",
        ChatRole.Developer => "developer",
        ChatRole.User => "user",
        ChatRole.Assistant => "assistant",
        _ => "tool",
    };

    public static bool TryParseRole(string? value, out ChatRole role)
    {
        switch (value)
        {
            case "system": role = ChatRole.System; return true;
            case "developer": role = ChatRole.Developer; return true;
            case "user": role = ChatRole.User; return true;
            case "assistant": role = ChatRole.Assistant; return true;
            case "tool": role = ChatRole.Tool; return true;
            default: role = default; return false;
        }
    }

    // Most frequent first: a request's messages are mostly user and assistant turns.
    private static readonly ChatRole[] Roles = [ChatRole.User, ChatRole.Assistant, ChatRole.System, ChatRole.Tool, ChatRole.Developer];

    /// <summary>As <see cref="TryParseRole(string?, out ChatRole)"/> for a JSON string value, compared in place (no string made).</summary>
    public static bool TryParseRole(JsonElement value, out ChatRole role)
    {
        if (value.ValueKind == JsonValueKind.String)
            foreach (var r in Roles)
                if (value.ValueEquals(Role(r)))
                {
                    role = r;
                    return true;
                }
        role = default;
        return false;
    }

    public static string FinishReason(FinishReason reason) => reason switch
    {
        Chat.FinishReason.Stop => "stop",
        Chat.FinishReason.Length => "length",
        Chat.FinishReason.ToolCalls => "tool_calls",
        _ => "content_filter",
    };

    public static FinishReason? ParseFinishReason(string? value) => value switch
    {
        null => null,
        "stop" => Chat.FinishReason.Stop,
        "length" => Chat.FinishReason.Length,
        "tool_calls" or "function_call" => Chat.FinishReason.ToolCalls,
        "content_filter" => Chat.FinishReason.ContentFilter,
        // Some compatible servers invent their own (e.g. "eos"): treat an unknown reason as a normal stop.
        _ => Chat.FinishReason.Stop,
    };
}
