using System.Text.Json;

namespace Arbiter.Core.JsonReading;

/// <summary>
/// <see cref="LenientJson"/>'s rules for a <see cref="Utf8JsonReader"/> positioned on a property name: each method
/// reads the property's value, which counts when it has the expected type and is skipped (read as absent) otherwise.
/// Upstream answers are read this way from their bytes, with no document built.
/// </summary>
public static class LenientUtf8Json
{
    public static string? String(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        r.Skip();
        return null;
    }

    /// <summary>A string value, as <paramref name="same"/> itself when the JSON holds exactly that text (no new string).</summary>
    public static string? String(ref Utf8JsonReader r, string? same)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.String) return same is not null && r.ValueTextEquals(same) ? same : r.GetString();
        r.Skip();
        return null;
    }

    public static long Long(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var n)) return n;
        r.Skip();
        return 0;
    }

    public static int? Int(ref Utf8JsonReader r)
    {
        r.Read();
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var n)) return n;
        r.Skip();
        return null;
    }

    /// <summary>Moves onto the value's start: true for an object (read its properties next), false for anything else (skipped).</summary>
    public static bool EnterObject(ref Utf8JsonReader r) => Enter(ref r, JsonTokenType.StartObject);

    /// <summary>Moves onto the value's start: true for an array (read its items next), false for anything else (skipped).</summary>
    public static bool EnterArray(ref Utf8JsonReader r) => Enter(ref r, JsonTokenType.StartArray);

    /// <summary>Skips a property's value, whatever it is.</summary>
    public static void Skip(ref Utf8JsonReader r)
    {
        r.Read();
        r.Skip();
    }

    private static bool Enter(ref Utf8JsonReader r, JsonTokenType start)
    {
        r.Read();
        if (r.TokenType == start) return true;
        r.Skip();
        return false;
    }
}
