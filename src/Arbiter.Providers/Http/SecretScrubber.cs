using System.Text.RegularExpressions;

namespace Arbiter.Providers.Http;

/// <summary>Removes anything key-like from upstream text before it reaches a client or a log.</summary>
internal static partial class SecretScrubber
{
    private const int MaxLength = 500;

    /// <param name="knownSecrets">The provider's own secrets (its key, secret header values): removed wherever they appear.</param>
    public static string Scrub(string text, IReadOnlyList<string> knownSecrets)
    {
        foreach (var secret in knownSecrets)
            if (secret.Length > 0) text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
        text = KeyLike().Replace(text, "[redacted]");
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }

    // sk-..., sk-ant-..., AIza... (Google), gsk_... (Groq), Bearer tokens: long opaque tokens with a known prefix.
    [GeneratedRegex(@"(sk-[A-Za-z0-9_\-*]{6,}|AIza[A-Za-z0-9_\-]{10,}|gsk_[A-Za-z0-9]{10,}|Bearer\s+[A-Za-z0-9_\-.]{8,})")]
    private static partial Regex KeyLike();
}
