namespace Arbiter.Core.Config;

/// <summary>
/// One upstream: a wire protocol (<see cref="Type"/>: openai, anthropic, gemini, simulated, or an
/// OpenAI-compatible profile such as azure, deepseek, groq, mistral, openrouter, ollama, vllm, llamacpp),
/// where it is, and how to authenticate. The key is a reference (<c>env:NAME</c>), never the key itself.
/// </summary>
public sealed record ProviderConfig
{
    public string Type { get; init; } = "";
    /// <summary>Base URL; profiles supply a default where the vendor has a fixed one.</summary>
    public string? BaseUrl { get; init; }
    /// <summary><c>env:VARIABLE</c> naming the environment variable that holds the key.</summary>
    public string? ApiKey { get; init; }
    /// <summary>Azure OpenAI's api-version query parameter, Anthropic's anthropic-version header.</summary>
    public string? ApiVersion { get; init; }
    /// <summary>Extra headers sent upstream; values may be <c>env:NAME</c> references.</summary>
    public Dictionary<string, string>? Headers { get; init; }
    /// <summary>For the simulator: seed of its deterministic answers.</summary>
    public int? Seed { get; init; }
}
