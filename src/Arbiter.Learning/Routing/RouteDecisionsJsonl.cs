using System.Text.Json;

namespace Arbiter.Learning.Routing;

/// <summary>Writes <c>router route</c>'s output: one <c>{"sample_id": ..., "model": ...}</c> line per prompt.</summary>
public static class RouteDecisionsJsonl
{
    public static int Write(Stream output, IEnumerable<(string SampleId, string Model)> decisions)
    {
        var count = 0;
        using var json = new Utf8JsonWriter(output);
        foreach (var (id, model) in decisions)
        {
            json.WriteStartObject();
            json.WriteString("sample_id", id);
            json.WriteString("model", model);
            json.WriteEndObject();
            json.Flush();
            json.Reset(); // each line is its own JSON document
            output.WriteByte((byte)'\n');
            count++;
        }
        return count;
    }
}
