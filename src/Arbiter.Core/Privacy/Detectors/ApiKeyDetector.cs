using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>
/// Credentials by their vendors' formats: OpenAI / Anthropic (sk-...), AWS access key ids (AKIA...), GitHub
/// tokens (ghp_...), Slack tokens (xoxb-...), Google API keys (AIza...), and PEM private key blocks.
/// </summary>
public sealed partial class ApiKeyDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.ApiKey;
    protected override Regex Pattern => ApiKey();

    [GeneratedRegex(@"(?<![\w-])(?:sk-(?:proj-|ant-(?:api\d\d-)?)?[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ApiKey();
}
