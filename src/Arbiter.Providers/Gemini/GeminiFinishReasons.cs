using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>Maps a candidate's <c>finishReason</c> to the canonical <see cref="FinishReason"/>.</summary>
internal static class GeminiFinishReasons
{
    /// <param name="reason">Gemini's value (STOP, MAX_TOKENS, SAFETY ...); null when the candidate has not finished.</param>
    /// <param name="calledFunction">The candidate contains a function call: a normal stop then means tool calls.</param>
    public static FinishReason? Map(string? reason, bool calledFunction) => reason switch
    {
        null or "" => null,
        "MAX_TOKENS" => FinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII"
            or "IMAGE_SAFETY" or "IMAGE_PROHIBITED_CONTENT" => FinishReason.ContentFilter,
        _ => calledFunction ? FinishReason.ToolCalls : FinishReason.Stop,
    };
}
