using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Reads <c>usageMetadata</c> into OpenAI's convention. Gemini's promptTokenCount already includes the cached
/// tokens; its candidatesTokenCount excludes the thinking tokens, which are billed as output, so they are added.
/// Tool-use prompt tokens (built-in tools' results fed back to the model) are input.
/// </summary>
internal static class GeminiUsage
{
    public static TokenUsage? Read(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object) return null;
        var thoughts = LenientJson.Long(usage, "thoughtsTokenCount");
        return new TokenUsage
        {
            InputTokens = LenientJson.Long(usage, "promptTokenCount") + LenientJson.Long(usage, "toolUsePromptTokenCount"),
            CachedInputTokens = LenientJson.Long(usage, "cachedContentTokenCount"),
            OutputTokens = LenientJson.Long(usage, "candidatesTokenCount") + thoughts,
            ReasoningTokens = thoughts,
        };
    }
}
