using System.Text.Json;

namespace Arbiter.Core.Chat;

/// <summary>
/// The canonical chat request every wire format is read into and every provider adapter writes out from.
/// Fields Arbiter does not model are kept in <see cref="ExtraFields"/> and passed through unchanged to
/// OpenAI-compatible upstreams.
/// </summary>
public sealed record ChatRequest
{
    /// <summary>The model the client asked for: a configured model, a virtual model (auto) or a route.</summary>
    public required string Model { get; init; }
    public required IReadOnlyList<ChatMessage> Messages { get; init; }
    public bool Stream { get; init; }
    /// <summary>The client asked for a final usage chunk (stream_options.include_usage).</summary>
    public bool StreamIncludeUsage { get; init; }
    public IReadOnlyList<ToolDefinition>? Tools { get; init; }
    public ToolChoice? ToolChoice { get; init; }
    public bool? ParallelToolCalls { get; init; }
    public ResponseFormat? ResponseFormat { get; init; }
    public double? Temperature { get; init; }
    public double? TopP { get; init; }
    /// <summary>Upper bound on generated tokens (max_completion_tokens, or the older max_tokens).</summary>
    public int? MaxOutputTokens { get; init; }
    public IReadOnlyList<string>? Stop { get; init; }
    public int? N { get; init; }
    public long? Seed { get; init; }
    public double? PresencePenalty { get; init; }
    public double? FrequencyPenalty { get; init; }
    public string? User { get; init; }
    /// <summary>OpenAI request metadata (string to string); also read by routing rules.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    /// <summary>Unmodelled top-level fields, in arrival order, passed through to OpenAI-compatible upstreams.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonElement>>? ExtraFields { get; init; }
}
