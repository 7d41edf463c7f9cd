using System.Text.Json;

namespace Arbiter.Providers.Gemini;

/// <summary>Lenient reads of optional fields in Gemini's answers: a missing or mistyped field reads as absent.</summary>
internal static class GeminiJson
{
    public static string? Str(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long Long(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

    public static int Int(JsonElement o, string name, int fallback) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : fallback;

    public static bool True(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static bool TryGetObject(JsonElement o, string name, out JsonElement value)
    {
        if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object) return true;
        value = default;
        return false;
    }

    public static bool TryGetArray(JsonElement o, string name, out JsonElement value)
    {
        if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Array) return true;
        value = default;
        return false;
    }

    /// <summary>Gemini sometimes wraps a body in a one-element array; this unwraps it.</summary>
    public static JsonElement Unwrap(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 ? root[0] : root;
}
