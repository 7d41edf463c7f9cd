using System.Text;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Builds Anthropic's top-level <c>system</c> text: every system and developer message, in order, and, when
/// the client asked for JSON, an instruction to answer with JSON only (the basic Messages API has no JSON mode).
/// </summary>
internal static class AnthropicSystemPrompt
{
    private const string Separator = "\n\n";
    private const string JsonOnly =
        "Respond with a single valid JSON object and nothing else: no prose before or after it, no Markdown code fence.";

    /// <returns>The system text, or null when the request has none.</returns>
    public static string? Build(ChatRequest request)
    {
        StringBuilder? sb = null;
        foreach (var m in request.Messages)
        {
            if (m.Role is not (ChatRole.System or ChatRole.Developer)) continue;
            Append(ref sb, m.AllText());
        }
        Append(ref sb, JsonInstruction(request.ResponseFormat));
        return sb?.ToString();
    }

    /// <returns>The instruction for a JSON response format, or null for free text.</returns>
    public static string? JsonInstruction(ResponseFormat? format)
    {
        if (format is null || format.Kind == ResponseFormatKind.Text) return null;
        if (format.Kind == ResponseFormatKind.JsonSchema && format.Schema is { } schema)
        {
            var named = string.IsNullOrEmpty(format.SchemaName) ? "" : $" (\"{format.SchemaName}\")";
            return $"{JsonOnly} The object must conform to this JSON Schema{named}:\n{schema.GetRawText()}";
        }
        return JsonOnly;
    }

    private static void Append(ref StringBuilder? sb, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        if (sb is null) sb = new StringBuilder(text);
        else sb.Append(Separator).Append(text);
    }
}
