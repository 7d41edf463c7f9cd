namespace Arbiter.Core.Config;

/// <summary>The conditions of a rule; all that are set must hold (an empty condition always matches).</summary>
public sealed record RuleConditionConfig
{
    /// <summary>The request's task (x-arbiter-task header, metadata arbiter_task, or a task: model name).</summary>
    public string? Task { get; init; }
    /// <summary>The virtual key's id (filled once virtual keys exist).</summary>
    public string? Key { get; init; }
    public string? Team { get; init; }
    /// <summary>Estimated prompt tokens at least this.</summary>
    public long? MinPromptTokens { get; init; }
    /// <summary>Estimated prompt tokens at most this.</summary>
    public long? MaxPromptTokens { get; init; }
    public bool? Tools { get; init; }
    public bool? Images { get; init; }
    /// <summary>JSON mode (response_format json_object or json_schema).</summary>
    public bool? Json { get; init; }
    /// <summary>A .NET regular expression searched in the last user message (case-insensitive, with a match timeout).</summary>
    public string? Regex { get; init; }
    /// <summary>Request metadata values that must be equal.</summary>
    public Dictionary<string, string>? Metadata { get; init; }
}
