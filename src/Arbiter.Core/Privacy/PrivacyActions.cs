namespace Arbiter.Core.Privacy;

/// <summary>What a route does with a prompt holding personal data or secrets, as written under <c>privacy.action</c>.</summary>
public static class PrivacyActions
{
    /// <summary>Serve it from a self-hosted tier (tiers with <c>self_hosted: true</c>) only.</summary>
    public const string Private = "private";
    /// <summary>Replace each finding with <c>[REDACTED:kind]</c> before anything leaves the gateway.</summary>
    public const string Redact = "redact";
    /// <summary>Refuse with an HTTP 400 naming the kinds found (never the values).</summary>
    public const string Block = "block";

    public static readonly IReadOnlyList<string> All = [Private, Redact, Block];
}
