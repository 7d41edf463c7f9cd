namespace Arbiter.Core.Config;

/// <summary>Every configuration default in one place.</summary>
public static class ConfigDefaults
{
    public const int Port = 4000;
    /// <summary>20 MiB: room for a few inline images.</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;
    public const double UpstreamTimeoutSeconds = 600;
    public const bool InlineIo = true;
    public const string AnthropicVersion = "2023-06-01";
    /// <summary>Anthropic requires max_tokens; used when the client sets none.</summary>
    public const int AnthropicDefaultMaxTokens = 4096;
    public const string AzureApiVersion = "2024-10-21";
    /// <summary>Strategy <c>learned</c>: utility (probability units) within which the stronger model wins.</summary>
    public const double LearnedMargin = 0.02;
}
