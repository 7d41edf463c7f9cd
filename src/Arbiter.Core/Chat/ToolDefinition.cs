using System.Text.Json;

namespace Arbiter.Core.Chat;

/// <summary>A function the model may call. <see cref="Parameters"/> is a JSON Schema object.</summary>
public sealed record ToolDefinition
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public JsonElement? Parameters { get; init; }
    public bool? Strict { get; init; }
}
