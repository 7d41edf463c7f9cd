namespace Arbiter.Providers.OpenAI;

/// <summary>How the upstream wants to be authenticated.</summary>
public enum AuthStyle
{
    /// <summary><c>Authorization: Bearer KEY</c>; no header when no key is configured.</summary>
    Bearer,
    /// <summary>Azure's <c>api-key: KEY</c>.</summary>
    ApiKeyHeader,
}

/// <summary>
/// An OpenAI-compatible vendor described as data: where it is by default, how it authenticates, and the few
/// ways its API differs from OpenAI's. Adding a vendor is one entry in <see cref="OpenAICompatibleProfiles"/>.
/// </summary>
public sealed record OpenAICompatibleProfile
{
    public required string Name { get; init; }
    /// <summary>Base URL when the config gives none; null means the config must give one.</summary>
    public string? DefaultBaseUrl { get; init; }
    public AuthStyle Auth { get; init; } = AuthStyle.Bearer;
    /// <summary>A key must be configured (hosted vendors); self-hosted servers work without one.</summary>
    public bool RequiresKey { get; init; } = true;
    public string MaxTokensField { get; init; } = "max_tokens";
    /// <summary>Azure: the model in config is a deployment and goes in the URL, with an api-version query.</summary>
    public bool DeploymentInUrl { get; init; }
}
