using System.Text.Json;
using Arbiter.Core.Chat;
using static Arbiter.Core.JsonReading.LenientUtf8Json;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Reads one streamed chat.completion.chunk straight from its UTF-8 bytes with a <see cref="Utf8JsonReader"/>: no
/// document is built for the many small events of a stream. Lenient as <see cref="OpenAIResponseReader"/> is: a value
/// of an unexpected type reads as absent, unknown fields (logprobs, ...) are skipped.
/// </summary>
public static class OpenAIChunkReader
{
    /// <param name="previous">The stream's previous chunk: its id, model and fingerprint strings are reused when this
    /// chunk repeats them (every chunk of a stream does), instead of a new string each per chunk.</param>
    /// <returns>False when the payload is an in-band error object (<c>{"error": ...}</c>) rather than a chunk.</returns>
    /// <exception cref="InvalidDataException">The payload is not a JSON object.</exception>
    public static bool TryRead(ReadOnlySpan<byte> json, string fallbackModel, out ChatStreamChunk? chunk, ChatStreamChunk? previous = null)
    {
        chunk = null;
        var r = new Utf8JsonReader(json);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("a stream chunk is not a JSON object");
        string? id = null, model = null, fingerprint = null;
        long created = 0;
        List<StreamChoice>? choices = null;
        TokenUsage? usage = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("error"u8)) return false;
            if (r.ValueTextEquals("id"u8)) id = String(ref r, previous?.Id);
            else if (r.ValueTextEquals("model"u8)) model = String(ref r, previous?.Model);
            else if (r.ValueTextEquals("system_fingerprint"u8)) fingerprint = String(ref r, previous?.SystemFingerprint);
            else if (r.ValueTextEquals("created"u8)) created = Long(ref r);
            else if (r.ValueTextEquals("choices"u8)) choices = ReadChoices(ref r);
            else if (r.ValueTextEquals("usage"u8)) usage = OpenAIUsage.Read(ref r);
            else Skip(ref r);
        }
        chunk = new ChatStreamChunk
        {
            Id = id ?? "",
            Created = created,
            Model = model ?? fallbackModel,
            Choices = (IReadOnlyList<StreamChoice>?)choices ?? [],
            Usage = usage,
            SystemFingerprint = fingerprint,
        };
        return true;
    }

    private static List<StreamChoice>? ReadChoices(ref Utf8JsonReader r)
    {
        if (!EnterArray(ref r)) return null;
        var list = new List<StreamChoice>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            int? index = null;
            var delta = StreamDelta.Empty;
            string? finish = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("index"u8)) index = Int(ref r);
                else if (r.ValueTextEquals("delta"u8)) delta = ReadDelta(ref r);
                else if (r.ValueTextEquals("finish_reason"u8)) finish = String(ref r);
                else Skip(ref r);
            }
            list.Add(new StreamChoice(index ?? list.Count, delta, WireNames.ParseFinishReason(finish)));
        }
        return list;
    }

    private static StreamDelta ReadDelta(ref Utf8JsonReader r)
    {
        if (!EnterObject(ref r)) return StreamDelta.Empty;
        string? role = null, content = null, refusal = null;
        List<ToolCallDelta>? calls = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("content"u8)) content = String(ref r);
            else if (r.ValueTextEquals("role"u8)) role = String(ref r);
            else if (r.ValueTextEquals("refusal"u8)) refusal = String(ref r);
            else if (r.ValueTextEquals("tool_calls"u8)) calls = ReadToolCalls(ref r);
            else Skip(ref r);
        }
        ChatRole? parsedRole = WireNames.TryParseRole(role, out var rr) ? rr : null;
        return new StreamDelta { Role = parsedRole, Content = content, Refusal = refusal, ToolCalls = calls };
    }

    private static List<ToolCallDelta>? ReadToolCalls(ref Utf8JsonReader r)
    {
        if (!EnterArray(ref r)) return null;
        var list = new List<ToolCallDelta>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            int? index = null;
            string? id = null, name = null, arguments = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("index"u8)) index = Int(ref r);
                else if (r.ValueTextEquals("id"u8)) id = String(ref r);
                else if (r.ValueTextEquals("function"u8)) (name, arguments) = ReadFunction(ref r);
                else Skip(ref r);
            }
            list.Add(new ToolCallDelta(index ?? list.Count, id, name, arguments));
        }
        return list;
    }

    /// <summary>A tool call's <c>function</c> object, streamed (pieces) or whole: its name and arguments as given.</summary>
    internal static (string? Name, string? Arguments) ReadFunction(ref Utf8JsonReader r)
    {
        if (!EnterObject(ref r)) return (null, null);
        string? name = null, arguments = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("name"u8)) name = String(ref r);
            else if (r.ValueTextEquals("arguments"u8)) arguments = String(ref r);
            else Skip(ref r);
        }
        return (name, arguments);
    }
}
