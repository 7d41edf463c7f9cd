namespace Arbiter.Core.Chat;

/// <summary>
/// One message of a conversation. Content is either <see cref="Text"/> (the common case, kept as a string so
/// it round-trips unchanged) or <see cref="Parts"/> (multi-part: text and images); never both.
/// </summary>
public sealed record ChatMessage
{
    public required ChatRole Role { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<ContentPart>? Parts { get; init; }
    public string? Name { get; init; }
    /// <summary>Tool calls made by an assistant message.</summary>
    public IReadOnlyList<ToolCall>? ToolCalls { get; init; }
    /// <summary>For a tool message: the id of the call this answers.</summary>
    public string? ToolCallId { get; init; }
    /// <summary>An assistant's refusal text (OpenAI structured outputs).</summary>
    public string? Refusal { get; init; }

    /// <summary>All text in the message, parts concatenated; images and raw parts are skipped.</summary>
    public string AllText()
    {
        if (Parts is null) return Text ?? "";
        if (Parts.Count == 1 && Parts[0] is TextPart single) return single.Text;
        return string.Concat(Parts.OfType<TextPart>().Select(p => p.Text));
    }

    public static ChatMessage User(string text) => new() { Role = ChatRole.User, Text = text };
    public static ChatMessage System(string text) => new() { Role = ChatRole.System, Text = text };
    public static ChatMessage Assistant(string text) => new() { Role = ChatRole.Assistant, Text = text };
}
