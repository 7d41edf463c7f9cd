using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Gemini;

/// <summary>
/// Writes a <see cref="ChatRequest"/> as a GenerateContentRequest body. The model travels in the URL, not the body.
/// Fields Gemini has no equivalent for (user, metadata, parallel_tool_calls) and unmodelled extra fields are not sent.
/// </summary>
internal static class GeminiRequestWriter
{
    public static void Write(Utf8JsonWriter w, ChatRequest r, string provider)
    {
        w.WriteStartObject();
        GeminiContentsWriter.WriteSystemInstruction(w, r.Messages);
        GeminiContentsWriter.WriteContents(w, r.Messages, provider);
        if (r.Tools is { Count: > 0 })
        {
            WriteTools(w, r.Tools);
            if (r.ToolChoice is not null) WriteToolConfig(w, r.ToolChoice);
        }
        WriteGenerationConfig(w, r);
        w.WriteEndObject();
    }

    /// <summary>
    /// One Tool holding every declaration. Parameters go in <c>parametersJsonSchema</c>, which takes JSON Schema as
    /// OpenAI clients write it; <c>parameters</c> takes only an OpenAPI subset and rejects e.g. additionalProperties.
    /// </summary>
    private static void WriteTools(Utf8JsonWriter w, IReadOnlyList<ToolDefinition> tools)
    {
        w.WriteStartArray("tools");
        w.WriteStartObject();
        w.WriteStartArray("functionDeclarations");
        foreach (var t in tools)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            if (t.Description is not null) w.WriteString("description", t.Description);
            if (t.Parameters is { ValueKind: JsonValueKind.Object } ps)
            {
                w.WritePropertyName("parametersJsonSchema");
                ps.WriteTo(w);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteToolConfig(Utf8JsonWriter w, ToolChoice choice)
    {
        w.WriteStartObject("toolConfig");
        w.WriteStartObject("functionCallingConfig");
        w.WriteString("mode", choice.Mode switch
        {
            ToolChoiceMode.None => "NONE",
            ToolChoiceMode.Required or ToolChoiceMode.Function => "ANY",
            _ => "AUTO",
        });
        if (choice is { Mode: ToolChoiceMode.Function, FunctionName: { } name })
        {
            w.WriteStartArray("allowedFunctionNames");
            w.WriteStringValue(name);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteGenerationConfig(Utf8JsonWriter w, ChatRequest r)
    {
        var json = r.ResponseFormat is { Kind: ResponseFormatKind.JsonObject or ResponseFormatKind.JsonSchema };
        var any = json || r.Temperature is not null || r.TopP is not null || r.MaxOutputTokens is not null
            || r.Stop is { Count: > 0 } || r.N is not null || r.Seed is not null || r.PresencePenalty is not null || r.FrequencyPenalty is not null;
        if (!any) return;
        w.WriteStartObject("generationConfig");
        if (r.Temperature is double t) w.WriteNumber("temperature", t);
        if (r.TopP is double tp) w.WriteNumber("topP", tp);
        if (r.MaxOutputTokens is int mt) w.WriteNumber("maxOutputTokens", mt);
        if (r.Stop is { Count: > 0 })
        {
            w.WriteStartArray("stopSequences");
            foreach (var s in r.Stop) w.WriteStringValue(s);
            w.WriteEndArray();
        }
        if (r.N is int n) w.WriteNumber("candidateCount", n);
        if (r.Seed is long seed) w.WriteNumber("seed", FoldSeed(seed));
        if (r.PresencePenalty is double pp) w.WriteNumber("presencePenalty", pp);
        if (r.FrequencyPenalty is double fp) w.WriteNumber("frequencyPenalty", fp);
        if (json)
        {
            w.WriteString("responseMimeType", "application/json");
            if (r.ResponseFormat is { Kind: ResponseFormatKind.JsonSchema, Schema: { ValueKind: JsonValueKind.Object } schema })
            {
                // responseJsonSchema takes plain JSON Schema; responseSchema takes only Google's OpenAPI subset.
                w.WritePropertyName("responseJsonSchema");
                schema.WriteTo(w);
            }
        }
        w.WriteEndObject();
    }

    /// <summary>Gemini's seed is an int32: a larger seed is folded into that range, deterministically.</summary>
    private static int FoldSeed(long seed) =>
        seed is >= int.MinValue and <= int.MaxValue ? (int)seed : unchecked((int)(seed ^ (seed >>> 32)));
}
