using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Anthropic's token counts as sent: <c>input_tokens</c> excludes cache reads and cache writes, which come
/// separately. <see cref="ToTokenUsage"/> converts to the canonical convention, where input counts them all.
/// </summary>
internal readonly record struct AnthropicUsage(long Input, long Output, long CacheRead, long CacheWrite, long Thinking)
{
    public static AnthropicUsage From(JsonElement usage) => default(AnthropicUsage).Apply(usage);

    /// <summary>
    /// Overwrites the counts <paramref name="usage"/> reports (non-null) and keeps the others. Anthropic's
    /// stream sends input counts in message_start and cumulative counts in message_delta, some of them null.
    /// </summary>
    public AnthropicUsage Apply(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object) return this;
        var thinking = Thinking;
        if (usage.TryGetProperty("output_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object)
            thinking = Count(details, "thinking_tokens") ?? thinking;
        return new AnthropicUsage(
            Count(usage, "input_tokens") ?? Input,
            Count(usage, "output_tokens") ?? Output,
            Count(usage, "cache_read_input_tokens") ?? CacheRead,
            Count(usage, "cache_creation_input_tokens") ?? CacheWrite,
            thinking);
    }

    public TokenUsage ToTokenUsage() => new()
    {
        InputTokens = Input + CacheRead + CacheWrite,
        OutputTokens = Output,
        CachedInputTokens = CacheRead,
        CacheWriteTokens = CacheWrite,
        ReasoningTokens = Thinking,
    };

    private static long? Count(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
