using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// OpenAI's usage object, read (including DeepSeek's cache-hit fields) and written. cache_write_tokens is not an
/// OpenAI field: the gateway writes it for upstreams that bill cache writes, and reads it back from another gateway.
/// </summary>
public static class OpenAIUsage
{
    public static TokenUsage? Read(JsonElement u)
    {
        if (u.ValueKind != JsonValueKind.Object) return null;
        long cached = 0, cacheWrite = 0, reasoning = 0;
        if (u.TryGetProperty("prompt_tokens_details", out var pd) && pd.ValueKind == JsonValueKind.Object)
        {
            cached = LenientJson.Long(pd, "cached_tokens");
            cacheWrite = LenientJson.Long(pd, "cache_write_tokens");
        }
        if (cached == 0) cached = LenientJson.Long(u, "prompt_cache_hit_tokens"); // DeepSeek
        if (u.TryGetProperty("completion_tokens_details", out var cd) && cd.ValueKind == JsonValueKind.Object)
            reasoning = LenientJson.Long(cd, "reasoning_tokens");
        return new TokenUsage
        {
            InputTokens = LenientJson.Long(u, "prompt_tokens"),
            OutputTokens = LenientJson.Long(u, "completion_tokens"),
            CachedInputTokens = cached,
            CacheWriteTokens = cacheWrite,
            ReasoningTokens = reasoning,
        };
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
