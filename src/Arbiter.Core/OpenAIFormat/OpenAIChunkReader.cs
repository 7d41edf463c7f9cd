using System.Text.Json;
using Arbiter.Core.Chat;

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
            if (r.ValueTextEquals("id"u8)) id = ReadString(ref r, previous?.Id);
            else if (r.ValueTextEquals("model"u8)) model = ReadString(ref r, previous?.Model);
            else if (r.ValueTextEquals("system_fingerprint"u8)) fingerprint = ReadString(ref r, previous?.SystemFingerprint);
            else if (r.ValueTextEquals("created"u8)) created = ReadLong(ref r);
            else if (r.ValueTextEquals("choices"u8)) choices = ReadChoices(ref r);
            else if (r.ValueTextEquals("usage"u8)) usage = ReadUsage(ref r);
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
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) { r.Skip(); return null; }
        var list = new List<StreamChoice>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            int? index = null;
            var delta = StreamDelta.Empty;
            string? finish = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("index"u8)) index = ReadInt(ref r);
                else if (r.ValueTextEquals("delta"u8)) delta = ReadDelta(ref r);
                else if (r.ValueTextEquals("finish_reason"u8)) finish = ReadString(ref r);
                else Skip(ref r);
            }
            list.Add(new StreamChoice(index ?? list.Count, delta, WireNames.ParseFinishReason(finish)));
        }
        return list;
    }

    private static StreamDelta ReadDelta(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); return StreamDelta.Empty; }
        string? role = null, content = null, refusal = null;
        List<ToolCallDelta>? calls = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("content"u8)) content = ReadString(ref r);
            else if (r.ValueTextEquals("role"u8)) role = ReadString(ref r);
            else if (r.ValueTextEquals("refusal"u8)) refusal = ReadString(ref r);
            else if (r.ValueTextEquals("tool_calls"u8)) calls = ReadToolCalls(ref r);
            else Skip(ref r);
        }
        ChatRole? parsedRole = WireNames.TryParseRole(role, out var rr) ? rr : null;
        return new StreamDelta { Role = parsedRole, Content = content, Refusal = refusal, ToolCalls = calls };
    }

    private static List<ToolCallDelta>? ReadToolCalls(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartArray) { r.Skip(); return null; }
        var list = new List<ToolCallDelta>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            int? index = null;
            string? id = null, name = null, arguments = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("index"u8)) index = ReadInt(ref r);
                else if (r.ValueTextEquals("id"u8)) id = ReadString(ref r);
                else if (r.ValueTextEquals("function"u8)) (name, arguments) = ReadFunction(ref r);
                else Skip(ref r);
            }
            list.Add(new ToolCallDelta(index ?? list.Count, id, name, arguments));
        }
        return list;
    }

    private static (string? Name, string? Arguments) ReadFunction(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); return (null, null); }
        string? name = null, arguments = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("name"u8)) name = ReadString(ref r);
            else if (r.ValueTextEquals("arguments"u8)) arguments = ReadString(ref r);
            else Skip(ref r);
        }
        return (name, arguments);
    }

    /// <summary>OpenAI's usage object (DeepSeek's cache-hit field too), read as <see cref="OpenAIUsage.Read"/> reads it.</summary>
    private static TokenUsage? ReadUsage(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); return null; }
        long input = 0, output = 0, cached = 0, cacheWrite = 0, reasoning = 0, deepSeekHits = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("prompt_tokens"u8)) input = ReadLong(ref r);
            else if (r.ValueTextEquals("completion_tokens"u8)) output = ReadLong(ref r);
            else if (r.ValueTextEquals("prompt_cache_hit_tokens"u8)) deepSeekHits = ReadLong(ref r);
            else if (r.ValueTextEquals("prompt_tokens_details"u8)) (cached, cacheWrite) = ReadPromptDetails(ref r);
            else if (r.ValueTextEquals("completion_tokens_details"u8)) reasoning = ReadReasoningTokens(ref r);
            else Skip(ref r);
        }
        return new TokenUsage
        {
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached == 0 ? deepSeekHits : cached,
            CacheWriteTokens = cacheWrite,
            ReasoningTokens = reasoning,
        };
    }

    private static (long Cached, long CacheWrite) ReadPromptDetails(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); return (0, 0); }
        long cached = 0, cacheWrite = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("cached_tokens"u8)) cached = ReadLong(ref r);
            else if (r.ValueTextEquals("cache_write_tokens"u8)) cacheWrite = ReadLong(ref r);
            else Skip(ref r);
        }
        return (cached, cacheWrite);
    }

    private static long ReadReasoningTokens(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); return 0; }
        long reasoning = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("reasoning_tokens"u8)) reasoning = ReadLong(ref r);
            else Skip(ref r);
        }
        return reasoning;
    }

    private static string? ReadString(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        r.Skip();
        return null;
    }

    /// <summary>A string value, as <paramref name="same"/> itself when the JSON holds exactly that text.</summary>
    private static string? ReadString(ref Utf8JsonReader r, string? same)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return same is not null && r.ValueTextEquals(same) ? same : r.GetString();
        r.Skip();
        return null;
    }

    private static long ReadLong(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var n)) return n;
        r.Skip();
        return 0;
    }

    private static int? ReadInt(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var n)) return n;
        r.Skip();
        return null;
    }

    /// <summary>Skips a property's value, whatever it is.</summary>
    private static void Skip(ref Utf8JsonReader r)
    {
        r.Read();
        r.Skip();
    }
}
