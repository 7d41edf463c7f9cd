using System.Text.Json;

namespace Arbiter.Core.JsonReading;

/// <summary>
/// Lenient reads of optional fields in upstream answers, which servers fill in differently: a missing field, a
/// field of another type, or a parent that is not an object all read as absent instead of throwing.
/// </summary>
public static class LenientJson
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
}
