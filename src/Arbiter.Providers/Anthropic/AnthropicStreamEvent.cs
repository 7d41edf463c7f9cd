using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// What one SSE event of an Anthropic stream amounts to: a canonical chunk (or nothing, for ping and
/// bookkeeping events), the end of the message (<c>message_stop</c>), or an in-band error event.
/// </summary>
internal readonly record struct AnthropicStreamEvent(ChatStreamChunk? Chunk, bool IsStop, string? ErrorMessage, string? ErrorType)
{
    public static readonly AnthropicStreamEvent None = default;

    public static AnthropicStreamEvent Of(ChatStreamChunk? chunk) => new(chunk, false, null, null);
    public static AnthropicStreamEvent Stop(ChatStreamChunk chunk) => new(chunk, true, null, null);
    /// <summary>An error event: its <c>error.type</c> (e.g. overloaded_error) and <c>error.message</c>.</summary>
    public static AnthropicStreamEvent Error(string? type, string message) => new(null, false, message, type);
}
