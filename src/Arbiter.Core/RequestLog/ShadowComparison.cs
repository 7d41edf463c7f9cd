namespace Arbiter.Core.RequestLog;

/// <summary>A shadow call beside the answer the client got: the same prompt, both answers, for offline comparison.</summary>
public sealed record ShadowComparison
{
    public required string PrimaryRequestId { get; init; }
    /// <summary>The last user message as sent upstream (redacted when the route redacts).</summary>
    public string? Prompt { get; init; }
    public string? PrimaryModel { get; init; }
    public string? PrimaryAnswer { get; init; }
    public required string ShadowModel { get; init; }
    public string? ShadowAnswer { get; init; }
}
