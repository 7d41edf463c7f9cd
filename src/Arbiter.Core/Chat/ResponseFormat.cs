using System.Text.Json;

namespace Arbiter.Core.Chat;

public enum ResponseFormatKind
{
    Text,
    JsonObject,
    JsonSchema,
}

/// <summary>The shape the answer must take: free text, any JSON object, or JSON matching a schema.</summary>
public sealed record ResponseFormat
{
    public required ResponseFormatKind Kind { get; init; }
    public string? SchemaName { get; init; }
    public JsonElement? Schema { get; init; }
    public bool? Strict { get; init; }
}
