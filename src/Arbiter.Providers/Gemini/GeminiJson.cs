using System.Text.Json;

namespace Arbiter.Providers.Gemini;

/// <summary>Gemini's own quirk of shape; the lenient field reads are <see cref="Core.Json.LenientJson"/>.</summary>
internal static class GeminiJson
{
    /// <summary>Gemini sometimes wraps a body in a one-element array; this unwraps it.</summary>
    public static JsonElement Unwrap(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
}
