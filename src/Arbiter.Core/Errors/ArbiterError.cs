namespace Arbiter.Core.Errors;

/// <summary>
/// An expected failure as a value. <see cref="Message"/> is shown to the client, so it never holds a secret;
/// <see cref="Provider"/> names the configured provider involved, if any.
/// </summary>
public sealed record ArbiterError(ErrorKind Kind, string Message)
{
    /// <summary>The request field at fault (OpenAI's <c>param</c>), e.g. <c>messages[1].content</c>.</summary>
    public string? Param { get; init; }
    /// <summary>A stable machine-readable code (OpenAI's <c>code</c>), e.g. <c>model_not_found</c>.</summary>
    public string? Code { get; init; }
    public string? Provider { get; init; }
    /// <summary>How long the client should wait before trying again (from the upstream's Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>The upstream's HTTP status, when the error came from one.</summary>
    public int? UpstreamStatus { get; init; }

    public int HttpStatus => ErrorCatalog.StatusOf(Kind);

    /// <param name="inner">The exception that revealed the failure, kept for logs.</param>
    public ArbiterException ToException(Exception? inner = null) => new(this, inner);
}
