using System.Text.Json;
using Arbiter.Core.Chat;
using static Arbiter.Core.JsonReading.LenientUtf8Json;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// OpenAI's usage object, read (including DeepSeek's cache-hit fields) and written. cache_write_tokens is not an
/// OpenAI field: the gateway writes it for upstreams that bill cache writes, and reads it back from another gateway.
/// </summary>
public static class OpenAIUsage
{
    /// <summary>Reads the usage value after its property name; anything but an object reads as no usage.</summary>
    public static TokenUsage? Read(ref Utf8JsonReader r)
    {
        if (!EnterObject(ref r)) return null;
        long input = 0, output = 0, cached = 0, cacheWrite = 0, reasoning = 0, deepSeekHits = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("prompt_tokens"u8)) input = Long(ref r);
            else if (r.ValueTextEquals("completion_tokens"u8)) output = Long(ref r);
            else if (r.ValueTextEquals("prompt_cache_hit_tokens"u8)) deepSeekHits = Long(ref r); // DeepSeek
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
        if (!EnterObject(ref r)) return (0, 0);
        long cached = 0, cacheWrite = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("cached_tokens"u8)) cached = Long(ref r);
            else if (r.ValueTextEquals("cache_write_tokens"u8)) cacheWrite = Long(ref r);
            else Skip(ref r);
        }
        return (cached, cacheWrite);
    }

    private static long ReadReasoningTokens(ref Utf8JsonReader r)
    {
        if (!EnterObject(ref r)) return 0;
        long reasoning = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("reasoning_tokens"u8)) reasoning = Long(ref r);
            else Skip(ref r);
        }
        return reasoning;
    }

    public static void Write(Utf8JsonWriter w, TokenUsage u)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", u.InputTokens);
        w.WriteNumber("completion_tokens", u.OutputTokens);
        w.WriteNumber("total_tokens", u.TotalTokens);
        if (u.CachedInputTokens > 0 || u.CacheWriteTokens > 0)
        {
            w.WriteStartObject("prompt_tokens_details");
            w.WriteNumber("cached_tokens", u.CachedInputTokens);
            if (u.CacheWriteTokens > 0) w.WriteNumber("cache_write_tokens", u.CacheWriteTokens);
            w.WriteEndObject();
        }
        if (u.ReasoningTokens > 0)
        {
            w.WriteStartObject("completion_tokens_details");
            w.WriteNumber("reasoning_tokens", u.ReasoningTokens);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
