namespace Arbiter.Core.Chat;

/// <summary>A complete (non-streamed) answer.</summary>
public sealed record ChatResponse
{
    public required string Id { get; init; }
    /// <summary>Unix seconds.</summary>
    public required long Created { get; init; }
    /// <summary>The model that served the answer, as the provider named it.</summary>
    public required string Model { get; init; }
    public required IReadOnlyList<ChatChoice> Choices { get; init; }
    /// <summary>Provider-reported usage; null when the provider reported none.</summary>
    public TokenUsage? Usage { get; init; }
    public string? SystemFingerprint { get; init; }
    /// <summary>Facts about how the answer was produced (for example <c>simulated=true</c>), shown to the client.</summary>
    public IReadOnlyDictionary<string, string>? ProviderMetadata { get; init; }
}

public sealed record ChatChoice(int Index, ChatMessage Message, FinishReason? FinishReason);
