using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Reads one OpenAI message (request side, or a response's <c>message</c>). Field names are looked up as UTF-8 and
/// the role is matched in place: a well-formed message costs no string but its content; the paths that name a wrong
/// field in the 400 (<c>messages[2].role</c>) are built only when a field is wrong.
/// </summary>
public static class OpenAIMessageReader
{
    public static ChatMessage Read(JsonElement m, string param)
    {
        JsonRead.RequireKind(m, JsonValueKind.Object, param);
        if (!m.TryGetProperty("role"u8, out var roleEl)) throw JsonRead.Invalid(param + ".role", "required");
        if (!WireNames.TryParseRole(roleEl, out var role))
            throw JsonRead.Invalid(param + ".role", $"expected system, developer, user, assistant or tool, got '{JsonRead.String(roleEl, param + ".role")}'");

        string? text = null;
        IReadOnlyList<ContentPart>? parts = null;
        if (m.TryGetProperty("content"u8, out var c))
        {
            switch (c.ValueKind)
            {
                case JsonValueKind.String: text = c.GetString(); break;
                case JsonValueKind.Array: parts = ReadParts(c, param + ".content"); break;
                case JsonValueKind.Null: break;
                default: throw JsonRead.Invalid(param + ".content", $"expected a string or an array of parts, got {JsonRead.Describe(c)}");
            }
        }

        IReadOnlyList<ToolCall>? toolCalls = null;
        if (m.TryGetProperty("tool_calls"u8, out var tc) && tc.ValueKind != JsonValueKind.Null)
            toolCalls = ReadToolCalls(tc, param + ".tool_calls");

        string? toolCallId = null;
        if (m.TryGetProperty("tool_call_id"u8, out var tid)) toolCallId = JsonRead.OptionalString(tid, param + ".tool_call_id");

        if (text is null && parts is null && role is not ChatRole.Assistant)
            throw JsonRead.Invalid(param + ".content", $"required for a {WireNames.Role(role)} message");
        if (role == ChatRole.Tool && string.IsNullOrEmpty(toolCallId))
            throw JsonRead.Invalid(param + ".tool_call_id", "required for a tool message");

        return new ChatMessage
        {
            Role = role,
            Text = text,
            Parts = parts,
            Name = m.TryGetProperty("name"u8, out var n) ? JsonRead.OptionalString(n, param + ".name") : null,
            ToolCalls = toolCalls,
            ToolCallId = toolCallId,
            Refusal = m.TryGetProperty("refusal"u8, out var rf) ? JsonRead.OptionalString(rf, param + ".refusal") : null,
        };
    }

    private static IReadOnlyList<ContentPart> ReadParts(JsonElement arr, string param)
    {
        var list = new List<ContentPart>(arr.GetArrayLength());
        var i = 0;
        foreach (var part in arr.EnumerateArray())
        {
            var pp = $"{param}[{i++}]";
            JsonRead.RequireKind(part, JsonValueKind.Object, pp);
            if (!part.TryGetProperty("type", out var t)) throw JsonRead.Invalid(pp + ".type", "required");
            var type = JsonRead.String(t, pp + ".type");
            switch (type)
            {
                case "text":
                    if (!part.TryGetProperty("text", out var tx)) throw JsonRead.Invalid(pp + ".text", "required");
                    list.Add(new TextPart(JsonRead.String(tx, pp + ".text")));
                    break;
                case "image_url":
                    list.Add(ReadImage(part, pp));
                    break;
                default:
                    list.Add(new RawPart(type, part.Clone()));
                    break;
            }
        }
        return list;
    }

    private static ImagePart ReadImage(JsonElement part, string pp)
    {
        if (!part.TryGetProperty("image_url", out var img)) throw JsonRead.Invalid(pp + ".image_url", "required");
        if (img.ValueKind == JsonValueKind.String) return new ImagePart(CheckImageUrl(img.GetString()!, pp + ".image_url"));
        JsonRead.RequireKind(img, JsonValueKind.Object, pp + ".image_url");
        if (!img.TryGetProperty("url", out var url)) throw JsonRead.Invalid(pp + ".image_url.url", "required");
        var u = CheckImageUrl(JsonRead.String(url, pp + ".image_url.url"), pp + ".image_url.url");
        var detail = img.TryGetProperty("detail", out var d) ? JsonRead.OptionalString(d, pp + ".image_url.detail") : null;
        return new ImagePart(u, detail);
    }

    // Both forms of image_url (bare string and {url}) must pass the same scheme check.
    private static string CheckImageUrl(string u, string param)
    {
        if (!u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("https://", StringComparison.Ordinal)
            && !u.StartsWith("http://", StringComparison.Ordinal))
            throw JsonRead.Invalid(param, "expected an http(s) URL or a data: URI");
        return u;
    }

    private static IReadOnlyList<ToolCall> ReadToolCalls(JsonElement arr, string param)
    {
        JsonRead.RequireKind(arr, JsonValueKind.Array, param);
        var list = new List<ToolCall>(arr.GetArrayLength());
        var i = 0;
        foreach (var call in arr.EnumerateArray())
        {
            var pp = $"{param}[{i++}]";
            JsonRead.RequireKind(call, JsonValueKind.Object, pp);
            if (!call.TryGetProperty("function", out var f)) throw JsonRead.Invalid(pp + ".function", "required");
            JsonRead.RequireKind(f, JsonValueKind.Object, pp + ".function");
            var id = call.TryGetProperty("id", out var idEl) ? JsonRead.String(idEl, pp + ".id") : throw JsonRead.Invalid(pp + ".id", "required");
            var name = f.TryGetProperty("name", out var n) ? JsonRead.String(n, pp + ".function.name") : throw JsonRead.Invalid(pp + ".function.name", "required");
            var args = f.TryGetProperty("arguments", out var a) ? JsonRead.OptionalString(a, pp + ".function.arguments") ?? "{}" : "{}";
            list.Add(new ToolCall(id, name, args));
        }
        return list;
    }
}
