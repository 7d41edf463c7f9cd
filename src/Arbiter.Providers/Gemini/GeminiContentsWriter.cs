using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Writes the conversation as Gemini <c>contents</c>: user and tool messages as role "user", assistant messages as
/// role "model", consecutive messages of one role merged into one content (Gemini wants turns to alternate), and
/// system and developer messages gathered into <c>systemInstruction</c>. Messages with nothing to say are skipped,
/// since Gemini rejects a content without parts.
/// </summary>
internal static class GeminiContentsWriter
{
    public static void WriteSystemInstruction(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages)
    {
        var started = false;
        foreach (var m in messages)
        {
            if (m.Role is not (ChatRole.System or ChatRole.Developer)) continue;
            var text = m.AllText();
            if (text.Length == 0) continue;
            if (!started)
            {
                w.WriteStartObject("systemInstruction");
                w.WriteStartArray("parts");
                started = true;
            }
            WriteText(w, text);
        }
        if (!started) return;
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteContents(Utf8JsonWriter w, IReadOnlyList<ChatMessage> messages, string provider)
    {
        w.WriteStartArray("contents");
        string? open = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var role = m.Role switch { ChatRole.Assistant => "model", ChatRole.User or ChatRole.Tool => "user", _ => null };
            if (role is null || !HasParts(m)) continue;
            var toolName = m.Role == ChatRole.Tool ? ResolveToolName(messages, i, provider) : null;
            if (role != open)
            {
                if (open is not null) EndContent(w);
                w.WriteStartObject();
                w.WriteString("role", role);
                w.WriteStartArray("parts");
                open = role;
            }
            switch (m.Role)
            {
                case ChatRole.Assistant: WriteAssistantParts(w, m); break;
                case ChatRole.Tool: WriteFunctionResponse(w, m, toolName!); break;
                default: WriteUserParts(w, m, i, provider); break;
            }
        }
        if (open is not null) EndContent(w);
        w.WriteEndArray();
    }

    private static void EndContent(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static bool HasParts(ChatMessage m) => m.Role switch
    {
        ChatRole.Tool => true,
        ChatRole.Assistant => m.AllText().Length > 0 || m.ToolCalls is { Count: > 0 },
        _ => m.Parts is null ? !string.IsNullOrEmpty(m.Text) : m.Parts.Any(p => p is not TextPart { Text.Length: 0 }),
    };

    private static void WriteUserParts(Utf8JsonWriter w, ChatMessage m, int index, string provider)
    {
        if (m.Parts is null)
        {
            WriteText(w, m.Text!);
            return;
        }
        foreach (var part in m.Parts)
        {
            switch (part)
            {
                case TextPart { Text.Length: > 0 } t: WriteText(w, t.Text); break;
                case ImagePart image: GeminiMediaParts.WriteImage(w, image); break;
                case RawPart raw:
                    throw new ArbiterError(ErrorKind.InvalidRequest,
                        $"messages[{index}].content: provider '{provider}' (gemini) does not accept content parts of type '{raw.Type}'")
                    {
                        Param = $"messages[{index}].content",
                        Code = "unsupported_content",
                    }.ToException();
            }
        }
    }

    private static void WriteAssistantParts(Utf8JsonWriter w, ChatMessage m)
    {
        var text = m.AllText();
        if (text.Length > 0) WriteText(w, text);
        if (m.ToolCalls is null) return;
        foreach (var call in m.ToolCalls)
        {
            var (id, signature) = GeminiToolCallIds.Split(call.Id);
            w.WriteStartObject();
            w.WriteStartObject("functionCall");
            if (id.Length > 0) w.WriteString("id", id);
            w.WriteString("name", call.Name);
            w.WritePropertyName("args");
            WriteArguments(w, call.Arguments);
            w.WriteEndObject();
            if (signature is not null) w.WriteString("thoughtSignature", signature);
            w.WriteEndObject();
        }
    }

    private static void WriteFunctionResponse(Utf8JsonWriter w, ChatMessage m, string name)
    {
        w.WriteStartObject();
        w.WriteStartObject("functionResponse");
        if (!string.IsNullOrEmpty(m.ToolCallId)) w.WriteString("id", GeminiToolCallIds.Split(m.ToolCallId).Id);
        w.WriteString("name", name);
        w.WritePropertyName("response");
        var text = m.AllText();
        if (TryParseObject(text) is { } doc)
        {
            using (doc) doc.RootElement.WriteTo(w);
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("result", text);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Arguments must be an object: a JSON object is written as is, nothing as {}, anything else wrapped.</summary>
    private static void WriteArguments(Utf8JsonWriter w, string arguments)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }
        else if (TryParseObject(arguments) is { } doc)
        {
            using (doc) doc.RootElement.WriteTo(w);
        }
        else
        {
            w.WriteStartObject();
            w.WriteString("arguments", arguments);
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// Gemini matches a function response to its call by name, which OpenAI's tool messages do not carry: it is
    /// taken from the latest earlier assistant call with the same id, or the tool message's own name.
    /// </summary>
    private static string ResolveToolName(IReadOnlyList<ChatMessage> messages, int index, string provider)
    {
        var tool = messages[index];
        for (var i = index - 1; i >= 0; i--)
        {
            if (messages[i].Role != ChatRole.Assistant || messages[i].ToolCalls is not { } calls) continue;
            foreach (var call in calls)
            {
                if (call.Id == tool.ToolCallId && call.Name.Length > 0) return call.Name;
            }
        }
        if (!string.IsNullOrEmpty(tool.Name)) return tool.Name;
        throw new ArbiterError(ErrorKind.InvalidRequest,
            $"messages[{index}].tool_call_id: no earlier assistant message made the call '{tool.ToolCallId}'; provider '{provider}' (gemini) needs the function's name")
        {
            Param = $"messages[{index}].tool_call_id",
            Code = "invalid_value",
        }.ToException();
    }

    private static JsonDocument? TryParseObject(string text)
    {
        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteText(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("text", text);
        w.WriteEndObject();
    }
}
