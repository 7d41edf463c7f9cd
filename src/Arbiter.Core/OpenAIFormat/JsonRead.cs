using System.Text.Json;
using Arbiter.Core.Errors;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>Typed reads of JSON values that fail with a 400 naming the field and what was expected.</summary>
internal static class JsonRead
{
    public static ArbiterException Invalid(string param, string message) =>
        new ArbiterError(ErrorKind.InvalidRequest, $"{param}: {message}") { Param = param, Code = "invalid_value" }.ToException();

    public static string String(JsonElement e, string param) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Invalid(param, $"expected a string, got {Describe(e)}");

    public static string? OptionalString(JsonElement e, string param) =>
        e.ValueKind == JsonValueKind.Null ? null : String(e, param);

    public static bool Bool(JsonElement e, string param) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(param, $"expected a boolean, got {Describe(e)}"),
    };

    public static double? OptionalNumber(JsonElement e, string param, double min, double max)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number) throw Invalid(param, $"expected a number, got {Describe(e)}");
        var v = e.GetDouble();
        if (v < min || v > max) throw Invalid(param, $"must be between {min} and {max}, got {v}");
        return v;
    }

    public static long? OptionalInteger(JsonElement e, string param, long min, long max = long.MaxValue)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number) throw Invalid(param, $"expected an integer, got {Describe(e)}");
        if (!e.TryGetInt64(out var v))
        {
            // Beyond long (or beyond double: TryGetDouble fails) is out of range, which says more than "not an integer".
            var raw = e.GetRawText();
            var d = e.TryGetDouble(out var x) ? x : raw.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
            if (Math.Floor(d) == d && d > max) throw Invalid(param, $"must be at most {max}, got {raw}");
            if (Math.Floor(d) == d && d < min) throw Invalid(param, $"must be at least {min}, got {raw}");
            throw Invalid(param, $"expected an integer, got {raw}");
        }
        if (v < min) throw Invalid(param, $"must be at least {min}, got {v}");
        if (v > max) throw Invalid(param, $"must be at most {max}, got {v}");
        return v;
    }

    /// <summary>An optional integer that must fit an <see cref="int"/>.</summary>
    public static int? OptionalInt32(JsonElement e, string param, int min) =>
        (int?)OptionalInteger(e, param, min, int.MaxValue);

    public static void RequireKind(JsonElement e, JsonValueKind kind, string param)
    {
        if (e.ValueKind != kind) throw Invalid(param, $"expected {Article(kind)}, got {Describe(e)}");
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => Article(e.ValueKind),
    };

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
