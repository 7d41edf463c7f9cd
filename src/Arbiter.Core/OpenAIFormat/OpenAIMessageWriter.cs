using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>Writes one message in OpenAI's shape (used for upstream requests and for client responses).</summary>
public static class OpenAIMessageWriter
{
    public static void Write(Utf8JsonWriter w, ChatMessage m)
    {
        w.WriteStartObject();
        w.WriteString("role", WireNames.Role(m.Role));
        if (m.Parts is not null) WriteParts(w, m.Parts);
        else if (m.Text is not null) w.WriteString("content", m.Text);
        else w.WriteNull("content");
        if (m.Name is not null) w.WriteString("name", m.Name);
        if (m.Refusal is not null) w.WriteString("refusal", m.Refusal);
        if (m.ToolCallId is not null) w.WriteString("tool_call_id", m.ToolCallId);
        if (m.ToolCalls is { Count: > 0 }) WriteToolCalls(w, m.ToolCalls);
        w.WriteEndObject();
    }

    public static void WriteToolCalls(Utf8JsonWriter w, IReadOnlyList<ToolCall> calls)
    {
        w.WriteStartArray("tool_calls");
        for (var cIndex = 0; cIndex < calls.Count; cIndex++)
        {
            var c = calls[cIndex];
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("type", "function");
            w.WriteStartObject("function");
            w.WriteString("name", c.Name);
            w.WriteString("arguments", c.Arguments);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteParts(Utf8JsonWriter w, IReadOnlyList<ContentPart> parts)
    {
        w.WriteStartArray("content");
        for (var partIndex = 0; partIndex < parts.Count; partIndex++)
        {
            var part = parts[partIndex];
            switch (part)
            {
                case TextPart t:
                    w.WriteStartObject();
                    w.WriteString("type", "text");
                    w.WriteString("text", t.Text);
                    w.WriteEndObject();
                    break;
                case ImagePart img:
                    w.WriteStartObject();
                    w.WriteString("type", "image_url");
                    w.WriteStartObject("image_url");
                    w.WriteString("url", img.Url);
                    if (img.Detail is not null) w.WriteString("detail", img.Detail);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    break;
                case RawPart raw:
                    raw.Json.WriteTo(w);
                    break;
            }
        }
        w.WriteEndArray();
    }
}
