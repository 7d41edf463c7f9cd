namespace Arbiter.Providers.Gemini;

/// <summary>
/// Gemini 3 models sign each function call (<c>thoughtSignature</c> beside the <c>functionCall</c> part) and reject
/// the next turn unless the signature comes back with that call. OpenAI clients keep nothing but the tool call's id,
/// so the signature travels inside the id we give them: <c>{id}__thought__{signature}</c>, split again on the way in.
/// </summary>
internal static class GeminiToolCallIds
{
    private const string Marker = "__thought__";

    public static string Compose(string id, string? signature) =>
        string.IsNullOrEmpty(signature) ? id : id + Marker + signature;

    public static (string Id, string? Signature) Split(string composed)
    {
        var at = composed.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? (composed, null) : (composed[..at], composed[(at + Marker.Length)..]);
    }
}
