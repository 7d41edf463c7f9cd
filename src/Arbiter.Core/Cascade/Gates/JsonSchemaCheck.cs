using System.Text.Json;

namespace Arbiter.Core.Cascade.Gates;

/// <summary>
/// The JSON Schema keywords structured outputs use (type, properties, required, additionalProperties, items, enum,
/// const, minimum/maximum, minLength/maxLength, minItems/maxItems, anyOf). JsonSchema.Net, the library to prefer,
/// cannot be restored here (its JsonPointer.Net dependency is missing from the package source); unknown keywords
/// are ignored, so this never rejects what a full validator would accept on these keywords.
/// </summary>
public static class JsonSchemaCheck
{
    /// <summary>The first violation as "path: what", or null when the value matches.</summary>
    public static string? FirstViolation(JsonElement schema, JsonElement value, string path = "$")
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
            return $"{path}: expected {type.GetRawText().Trim('"')}, got {Describe(value)}";
        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array
            && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            return $"{path}: not one of the allowed values";
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            return $"{path}: not the required constant";
        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array
            && anyOf.EnumerateArray().All(s => FirstViolation(s, value, path) is not null))
            return $"{path}: matches none of anyOf";
        return value.ValueKind switch
        {
            JsonValueKind.Object => CheckObject(schema, value, path),
            JsonValueKind.Array => CheckArray(schema, value, path),
            JsonValueKind.String => Range(schema, "minLength", "maxLength", value.GetString()!.Length, path, "length"),
            JsonValueKind.Number => Range(schema, "minimum", "maximum", value.GetDouble(), path, "value"),
            _ => null,
        };
    }

    private static string? CheckObject(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
            foreach (var name in required.EnumerateArray())
                if (name.GetString() is { } n && !value.TryGetProperty(n, out _)) return $"{path}: missing required property '{n}'";
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var closed = schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False;
        foreach (var p in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(p.Name, out var sub))
            {
                if (FirstViolation(sub, p.Value, $"{path}.{p.Name}") is { } v) return v;
            }
            else if (closed) return $"{path}: property '{p.Name}' is not allowed";
        }
        return null;
    }

    private static string? CheckArray(JsonElement schema, JsonElement value, string path)
    {
        if (Range(schema, "minItems", "maxItems", value.GetArrayLength(), path, "item count") is { } bad) return bad;
        if (!schema.TryGetProperty("items", out var items)) return null;
        var i = 0;
        foreach (var item in value.EnumerateArray())
            if (FirstViolation(items, item, $"{path}[{i++}]") is { } v) return v;
        return null;
    }

    private static string? Range(JsonElement schema, string minKey, string maxKey, double actual, string path, string what)
    {
        if (schema.TryGetProperty(minKey, out var min) && min.ValueKind == JsonValueKind.Number && actual < min.GetDouble())
            return $"{path}: {what} {actual} below {minKey} {min.GetDouble()}";
        if (schema.TryGetProperty(maxKey, out var max) && max.ValueKind == JsonValueKind.Number && actual > max.GetDouble())
            return $"{path}: {what} {actual} above {maxKey} {max.GetDouble()}";
        return null;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => Is(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.GetString() is { } s && Is(s, value)),
        _ => true,
    };

    private static bool Is(string type, JsonElement v) => type switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "number" => v.ValueKind == JsonValueKind.Number,
        "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => v.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };
}
