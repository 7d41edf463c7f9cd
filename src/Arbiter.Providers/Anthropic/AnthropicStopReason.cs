using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>Maps Anthropic's <c>stop_reason</c> to the canonical <see cref="FinishReason"/>.</summary>
internal static class AnthropicStopReason
{
    /// <returns>Null when the upstream gave none (a stream's message_start); unknown future reasons count as a stop.</returns>
    public static FinishReason? ToFinishReason(string? stopReason) => stopReason switch
    {
        null => null,
        "max_tokens" or "model_context_window_exceeded" => FinishReason.Length,
        "tool_use" => FinishReason.ToolCalls,
        "refusal" => FinishReason.ContentFilter,
        _ => FinishReason.Stop, // end_turn, stop_sequence, pause_turn
    };
}
