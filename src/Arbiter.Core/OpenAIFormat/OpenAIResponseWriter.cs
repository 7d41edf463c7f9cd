using System.Text.Json;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>Writes answers in OpenAI's shape: chat.completion, chat.completion.chunk, and the error object.</summary>
public static class OpenAIResponseWriter
{
    public static void WriteCompletion(Utf8JsonWriter w, ChatResponse r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", r.Created);
        w.WriteString("model", r.Model);
        w.WriteStartArray("choices");
        for (var cIndex = 0; cIndex < r.Choices.Count; cIndex++)
        {
            var c = r.Choices[cIndex];
            w.WriteStartObject();
            w.WriteNumber("index", c.Index);
            w.WritePropertyName("message");
            OpenAIMessageWriter.Write(w, c.Message);
            w.WriteNull("logprobs");
            WriteFinishReason(w, c.FinishReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (r.Usage is not null) OpenAIUsage.Write(w, r.Usage);
        if (r.SystemFingerprint is not null) w.WriteString("system_fingerprint", r.SystemFingerprint);
        WriteMetadata(w, r.ProviderMetadata);
        w.WriteEndObject();
    }

    public static void WriteChunk(Utf8JsonWriter w, ChatStreamChunk c, bool includeUsage)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", c.Created);
        w.WriteString("model", c.Model);
        if (c.SystemFingerprint is not null) w.WriteString("system_fingerprint", c.SystemFingerprint);
        w.WriteStartArray("choices");
        for (var choiceIndex = 0; choiceIndex < c.Choices.Count; choiceIndex++)
        {
            var choice = c.Choices[choiceIndex];
            w.WriteStartObject();
            w.WriteNumber("index", choice.Index);
            WriteDelta(w, choice.Delta);
            w.WriteNull("logprobs");
            WriteFinishReason(w, choice.FinishReason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (includeUsage && c.Usage is not null) OpenAIUsage.Write(w, c.Usage);
        WriteMetadata(w, c.ProviderMetadata);
        w.WriteEndObject();
    }

    private static void WriteDelta(Utf8JsonWriter w, StreamDelta d)
    {
        w.WriteStartObject("delta");
        if (d.Role is ChatRole role) w.WriteString("role", WireNames.Role(role));
        if (d.Content is not null) w.WriteString("content", d.Content);
        if (d.Refusal is not null) w.WriteString("refusal", d.Refusal);
        if (d.ToolCalls is { Count: > 0 })
        {
            w.WriteStartArray("tool_calls");
            for (var tIndex = 0; tIndex < d.ToolCalls.Count; tIndex++)
            {
                var t = d.ToolCalls[tIndex];
                w.WriteStartObject();
                w.WriteNumber("index", t.Index);
                if (t.Id is not null)
                {
                    w.WriteString("id", t.Id);
                    w.WriteString("type", "function");
                }
                w.WriteStartObject("function");
                if (t.Name is not null) w.WriteString("name", t.Name);
                w.WriteString("arguments", t.ArgumentsDelta ?? "");
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteFinishReason(Utf8JsonWriter w, FinishReason? reason)
    {
        if (reason is FinishReason f) w.WriteString("finish_reason", WireNames.FinishReason(f));
        else w.WriteNull("finish_reason");
    }

    /// <summary>Facts about how the answer was produced, under Arbiter's own key so no client field is shadowed.</summary>
    private static void WriteMetadata(Utf8JsonWriter w, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0) return;
        w.WriteStartObject("arbiter");
        foreach (var (k, v) in metadata) w.WriteString(k, v);
        w.WriteEndObject();
    }
}
