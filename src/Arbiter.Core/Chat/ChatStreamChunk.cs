namespace Arbiter.Core.Chat;

/// <summary>One streamed update, shaped like OpenAI's chat.completion.chunk. A usage-only chunk has no choices.</summary>
public sealed record ChatStreamChunk
{
    public required string Id { get; init; }
    public required long Created { get; init; }
    public required string Model { get; init; }
    public IReadOnlyList<StreamChoice> Choices { get; init; } = [];
    public TokenUsage? Usage { get; init; }
    public string? SystemFingerprint { get; init; }
    public IReadOnlyDictionary<string, string>? ProviderMetadata { get; init; }
}

public sealed record StreamChoice(int Index, StreamDelta Delta, FinishReason? FinishReason = null);

/// <summary>What a chunk adds to the message being built.</summary>
public sealed record StreamDelta
{
    public ChatRole? Role { get; init; }
    public string? Content { get; init; }
    public string? Refusal { get; init; }
    public IReadOnlyList<ToolCallDelta>? ToolCalls { get; init; }

    public static readonly StreamDelta Empty = new();
}

/// <summary>
/// A piece of a streamed tool call. The first piece for an <see cref="Index"/> carries the id and name;
/// later pieces append to the arguments.
/// </summary>
public sealed record ToolCallDelta(int Index, string? Id, string? Name, string? ArgumentsDelta);
