using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Writes the conversation as Anthropic's <c>messages</c> array: only user and assistant turns, strictly
/// alternating. Consecutive messages that land on the same role are merged into one turn with several content
/// blocks; tool results become <c>tool_result</c> blocks of a user turn, assistant tool calls <c>tool_use</c>
/// blocks. System and developer messages are left out: they travel in the top-level <c>system</c>.
/// </summary>
internal static class AnthropicMessageWriter
{
    private const string User = "user";
    private const string Assistant = "assistant";

    public static void WriteMessages(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages)
    {
        w.WriteStartArray("messages");
        string? openRole = null;
        foreach (var m in messages)
        {
            var role = RoleOf(m.Role);
            if (role is null || !HasBlocks(m)) continue;
            if (role != openRole)
            {
                if (openRole is not null) EndTurn(w);
                w.WriteStartObject();
                w.WriteString("role", role);
                w.WriteStartArray("content");
                openRole = role;
            }
            WriteBlocks(w, m);
        }
        if (openRole is not null) EndTurn(w);
        w.WriteEndArray();
    }

    private static string? RoleOf(ChatRole role) => role switch
    {
        ChatRole.User or ChatRole.Tool => User,
        ChatRole.Assistant => Assistant,
        _ => null,
    };

    /// <summary>
    /// Whether the message yields at least one content block. One that yields none (an empty assistant turn)
    /// is left out: Anthropic rejects a message with empty content, and its neighbours may then merge.
    /// </summary>
    private static bool HasBlocks(ChatMessage m) => m.Role switch
    {
        ChatRole.Tool => true,
        ChatRole.Assistant => m.ToolCalls is { Count: > 0 } || m.AllText().Length > 0,
        _ => m.Parts is null
            ? !string.IsNullOrEmpty(m.Text)
            : m.Parts.Any(p => p is ImagePart || p is TextPart { Text.Length: > 0 }),
    };

    private static void EndTurn(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBlocks(Utf8JsonWriter w, ChatMessage m)
    {
        switch (m.Role)
        {
            case ChatRole.Tool:
                WriteToolResult(w, m);
                break;
            case ChatRole.Assistant:
                WriteText(w, m.AllText());
                if (m.ToolCalls is not null)
                    foreach (var call in m.ToolCalls) WriteToolUse(w, call);
                break;
            default:
                WriteContent(w, m);
                break;
        }
    }

    /// <summary>Text and image blocks of a message. Empty text is skipped: Anthropic rejects empty text blocks.</summary>
    private static void WriteContent(Utf8JsonWriter w, ChatMessage m)
    {
        if (m.Parts is null)
        {
            WriteText(w, m.Text);
            return;
        }
        foreach (var part in m.Parts)
        {
            switch (part)
            {
                case TextPart t:
                    WriteText(w, t.Text);
                    break;
                case ImagePart img:
                    WriteImage(w, img);
                    break;
                // RawPart (audio, file ...) is OpenAI-specific and has no Anthropic equivalent: left out.
            }
        }
    }

    private static void WriteText(Utf8JsonWriter w, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter w, ImagePart img)
    {
        w.WriteStartObject();
        w.WriteString("type", "image");
        w.WriteStartObject("source");
        if (img.TryGetInlineData(out var mediaType, out var base64))
        {
            w.WriteString("type", "base64");
            w.WriteString("media_type", mediaType);
            w.WriteString("data", base64);
        }
        else
        {
            w.WriteString("type", "url");
            w.WriteString("url", img.Url);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteToolResult(Utf8JsonWriter w, ChatMessage m)
    {
        w.WriteStartObject();
        w.WriteString("type", "tool_result");
        w.WriteString("tool_use_id", m.ToolCallId ?? "");
        if (m.Parts is not null)
        {
            w.WriteStartArray("content");
            WriteContent(w, m);
            w.WriteEndArray();
        }
        else if (!string.IsNullOrEmpty(m.Text))
        {
            w.WriteString("content", m.Text);
        }
        w.WriteEndObject();
    }

    private static void WriteToolUse(Utf8JsonWriter w, ToolCall call)
    {
        w.WriteStartObject();
        w.WriteString("type", "tool_use");
        w.WriteString("id", call.Id);
        w.WriteString("name", call.Name);
        w.WritePropertyName("input");
        WriteInputObject(w, call.Arguments);
        w.WriteEndObject();
    }

    /// <summary>
    /// Anthropic wants the input as a JSON object, OpenAI carries it as JSON text. Arguments that are empty,
    /// malformed (a reply cut off by max_tokens) or not an object are sent as <c>{}</c> rather than failing
    /// the whole conversation.
    /// </summary>
    private static void WriteInputObject(Utf8JsonWriter w, string arguments)
    {
        if (!string.IsNullOrWhiteSpace(arguments))
        {
            try
            {
                using var doc = JsonDocument.Parse(arguments);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    doc.RootElement.WriteTo(w);
                    return;
                }
            }
            catch (JsonException)
            {
                // falls through to {}
            }
        }
        w.WriteStartObject();
        w.WriteEndObject();
    }
}
