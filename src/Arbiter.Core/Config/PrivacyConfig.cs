namespace Arbiter.Core.Config;

/// <summary>Per route: which kinds of personal data or secrets to look for, and what to do when one is found.</summary>
public sealed record PrivacyConfig
{
    /// <summary><c>private</c> (send to a self-hosted tier), <c>redact</c> or <c>block</c>; see <c>PrivacyActions</c>.</summary>
    public string Action { get; init; } = "";
    /// <summary>The kinds to detect (<c>SensitiveKinds</c>); all when absent.</summary>
    public List<string>? Kinds { get; init; }
}
