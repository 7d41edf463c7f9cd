using System.Text;
using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>Reads what a candidate says: its visible text (thought summaries skipped) and its function calls.</summary>
internal static class GeminiCandidateReader
{
    /// <summary>The candidate's <c>index</c>, or its position when Gemini leaves it out.</summary>
    public static int IndexOf(JsonElement candidate, int position) => LenientJson.Int(candidate, "index", position);

    /// <param name="candidate">One element of <c>candidates</c>.</param>
    /// <returns>The text (null when there is none) and the calls (null when there are none). Call ids are Gemini's own
    /// when it sent one, otherwise empty: <see cref="IdFor"/> fills them in, since only the caller knows the numbering.</returns>
    public static (string? Text, List<ToolCall>? Calls) Read(JsonElement candidate)
    {
        if (!LenientJson.TryGetObject(candidate, "content", out var content) || !LenientJson.TryGetArray(content, "parts", out var parts))
            return (null, null);
        StringBuilder? text = null;
        List<ToolCall>? calls = null;
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || LenientJson.True(part, "thought")) continue;
            if (LenientJson.Str(part, "text") is { } t)
            {
                (text ??= new StringBuilder()).Append(t);
            }
            else if (LenientJson.TryGetObject(part, "functionCall", out var call))
            {
                var args = call.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetRawText() : "{}";
                var id = GeminiToolCallIds.Compose(LenientJson.Str(call, "id") ?? "", LenientJson.Str(part, "thoughtSignature"));
                (calls ??= []).Add(new ToolCall(id, LenientJson.Str(call, "name") ?? "", args));
            }
        }
        return (text?.ToString(), calls);
    }

    /// <summary>
    /// The id of a function call: Gemini's when it sent one, else <c>call_{n}</c> (<c>call_{candidate}_{n}</c> for the
    /// second and later candidates), so ids are deterministic and unique within one answer; a signature stays attached.
    /// </summary>
    public static string IdFor(string upstreamId, int candidateIndex, int callIndex)
    {
        var (id, signature) = GeminiToolCallIds.Split(upstreamId);
        if (id.Length == 0) id = candidateIndex == 0 ? $"call_{callIndex}" : $"call_{candidateIndex}_{callIndex}";
        return GeminiToolCallIds.Compose(id, signature);
    }
}
