namespace Arbiter.Core.Chat;

/// <summary>
/// Token counts for one call, in OpenAI's convention: <see cref="InputTokens"/> counts every input token,
/// including the cached ones and the cache writes (which are subsets of it); <see cref="ReasoningTokens"/>
/// is a subset of <see cref="OutputTokens"/>. Adapters convert their provider's convention to this one.
/// </summary>
public sealed record TokenUsage
{
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedInputTokens { get; init; }
    public long CacheWriteTokens { get; init; }
    public long ReasoningTokens { get; init; }
    public long TotalTokens => InputTokens + OutputTokens;
}
