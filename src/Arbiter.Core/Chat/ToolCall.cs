namespace Arbiter.Core.Chat;

/// <summary>A function call made by the model; <see cref="Arguments"/> is the JSON text the model produced.</summary>
public sealed record ToolCall(string Id, string Name, string Arguments);
