using System.Text;
using System.Text.Json;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Providers.Simulated;

/// <summary>
/// Makes a small JSON value that satisfies a JSON schema's type, properties, required list and enums. Closed
/// choices (enums, booleans) come from <c>closed</c>, a generator seeded by the prompt alone, so every simulated
/// model gives the same answer to a closed question (as real models mostly do) while open text and numbers differ
/// by model: ensembles over the simulator agree on classifications and disagree on prose.
/// </summary>
internal static class SchemaInstance
{
    public static string Create(JsonElement schema, Random random, IReadOnlyList<string> words, Random? closed = null)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) Write(w, schema, random, closed ?? random, words, depth: 0);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, JsonElement schema, Random random, Random closed, IReadOnlyList<string> words, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object) { w.WriteStringValue(words[random.Next(words.Count)]); return; }
        if (schema.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0)
        {
            e[closed.Next(e.GetArrayLength())].WriteTo(w);
            return;
        }
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : "string";
        switch (type)
        {
            case "object":
                w.WriteStartObject();
                if (depth < 4 && schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        w.WritePropertyName(p.Name);
                        Write(w, p.Value, random, closed, words, depth + 1);
                    }
                }
                w.WriteEndObject();
                break;
            case "array":
                w.WriteStartArray();
                if (depth < 4 && schema.TryGetProperty("items", out var items))
                    for (var i = 0; i < 2; i++) Write(w, items, random, closed, words, depth + 1);
                w.WriteEndArray();
                break;
            case "integer": w.WriteNumberValue(random.Next(1, 100)); break;
            case "number": w.WriteNumberValue(Math.Round(random.NextDouble() * 100, 2)); break;
            case "boolean": w.WriteBooleanValue(closed.Next(2) == 1); break;
            case "null": w.WriteNullValue(); break;
            default: w.WriteStringValue(words[random.Next(words.Count)]); break;
        }
    }
}
