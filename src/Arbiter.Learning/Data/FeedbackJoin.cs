using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Arbiter.Learning.Data;

/// <summary>
/// Builds <see cref="FeedbackLog"/> training lines from Arbiter traffic: an export of the request log with the prompt
/// (<c>{"request_id", "prompt", "served_model" or "model", "cost_usd", "task"?}</c> per line) joined on
/// <c>request_id</c> with feedback scores (<c>{"request_id", "score"}</c>, score in [0, 1]; several scores for one
/// request are averaged). Requests without feedback, without a prompt or that failed (no served model) are skipped.
/// </summary>
public static class FeedbackJoin
{
    public sealed record Counts(int Requests, int WithFeedback, int Written);

    public static Counts Join(TextReader requests, TextReader feedback, TextWriter output)
    {
        var scores = new Dictionary<string, (double Sum, int N)>(StringComparer.Ordinal);
        foreach (var (o, _) in Lines(feedback, "feedback"))
        {
            var id = o.GetProperty("request_id").GetString()!;
            var score = o.GetProperty("score").GetDouble();
            if (score is < 0 or > 1) continue;
            scores[id] = scores.TryGetValue(id, out var s) ? (s.Sum + score, s.N + 1) : (score, 1);
        }
        int total = 0, matched = 0, written = 0;
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        foreach (var (o, _) in Lines(requests, "requests"))
        {
            total++;
            var id = o.GetProperty("request_id").GetString()!;
            if (!scores.TryGetValue(id, out var s)) continue;
            matched++;
            var prompt = Str(o, "prompt");
            var model = Str(o, "served_model") ?? Str(o, "model");
            if (string.IsNullOrEmpty(prompt) || string.IsNullOrEmpty(model)) continue;
            buffer.ResetWrittenCount();
            json.Reset();
            json.WriteStartObject();
            json.WriteString("prompt_id", id);
            json.WriteString("prompt", prompt);
            json.WriteString("model", model);
            json.WriteNumber("score", s.Sum / s.N);
            if (o.TryGetProperty("cost_usd", out var c) && c.ValueKind == JsonValueKind.Number) json.WriteNumber("cost_usd", c.GetDouble());
            if (Str(o, "task") is { } task) json.WriteString("task", task);
            json.WriteEndObject();
            json.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            output.Write('\n');
            written++;
        }
        return new Counts(total, matched, written);
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<(JsonElement, int)> Lines(TextReader reader, string what)
    {
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement element;
            try
            {
                using var doc = JsonDocument.Parse(line);
                element = doc.RootElement.Clone();
                if (!element.TryGetProperty("request_id", out var id) || id.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException("missing 'request_id'");
                if (what == "feedback" && (!element.TryGetProperty("score", out var sc) || sc.ValueKind != JsonValueKind.Number))
                    throw new InvalidDataException("missing numeric 'score'");
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"{what} line {n}: {ex.Message}", ex);
            }
            yield return (element, n);
        }
    }
}
