using System.Text.Json;
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
        var thoughts = GeminiJson.Long(usage, "thoughtsTokenCount");
        return new TokenUsage
        {
            InputTokens = GeminiJson.Long(usage, "promptTokenCount") + GeminiJson.Long(usage, "toolUsePromptTokenCount"),
            CachedInputTokens = GeminiJson.Long(usage, "cachedContentTokenCount"),
            OutputTokens = GeminiJson.Long(usage, "candidatesTokenCount") + thoughts,
            ReasoningTokens = thoughts,
        };
    }
}
