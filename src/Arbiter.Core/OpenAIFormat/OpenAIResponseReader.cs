using System.Text.Json;
using Arbiter.Core.Chat;
using static Arbiter.Core.JsonReading.LenientUtf8Json;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Reads an upstream's chat.completion JSON straight from its UTF-8 bytes with a <see cref="Utf8JsonReader"/> (streamed
/// chunks: <see cref="OpenAIChunkReader"/>): one pass, no document, no property looked up by name. Lenient where servers
/// differ (a field of an unexpected type reads as absent, unknown fields are skipped), strict where the answer would
/// be meaningless: a body without choices, or a choice without a message, throws <see cref="InvalidDataException"/>,
/// which the adapter reports as an upstream error. Malformed JSON throws <see cref="JsonException"/>.
/// </summary>
public static class OpenAIResponseReader
{
    public static ChatResponse ReadCompletion(ReadOnlySpan<byte> json, string fallbackModel)
    {
        var r = new Utf8JsonReader(json);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw NoChoices();
        string? id = null, model = null, fingerprint = null;
        long created = 0;
        List<ChatChoice>? choices = null;
        TokenUsage? usage = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("choices"u8)) choices = ReadChoices(ref r);
            else if (r.ValueTextEquals("id"u8)) id = String(ref r);
            else if (r.ValueTextEquals("model"u8)) model = String(ref r, fallbackModel);
            else if (r.ValueTextEquals("created"u8)) created = Long(ref r);
            else if (r.ValueTextEquals("usage"u8)) usage = OpenAIUsage.Read(ref r);
            else if (r.ValueTextEquals("system_fingerprint"u8)) fingerprint = String(ref r);
            else Skip(ref r);
        }
        return new ChatResponse
        {
            Id = id ?? "",
            Created = created,
            Model = model ?? fallbackModel,
            Choices = choices ?? throw NoChoices(),
            Usage = usage,
            SystemFingerprint = fingerprint,
        };
    }

    private static InvalidDataException NoChoices() => new("the answer has no 'choices' array");

    private static List<ChatChoice>? ReadChoices(ref Utf8JsonReader r)
    {
        if (!EnterArray(ref r)) return null;
        var list = new List<ChatChoice>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            var at = list.Count;
            if (r.TokenType != JsonTokenType.StartObject) throw NoMessage(at);
            int? index = null;
            ChatMessage? message = null;
            string? finish = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("message"u8)) message = ReadAnswerMessage(ref r);
                else if (r.ValueTextEquals("index"u8)) index = Int(ref r);
                else if (r.ValueTextEquals("finish_reason"u8)) finish = String(ref r);
                else Skip(ref r);
            }
            list.Add(new ChatChoice(index ?? at, message ?? throw NoMessage(at), WireNames.ParseFinishReason(finish)));
        }
        return list;
    }

    private static InvalidDataException NoMessage(int choice) => new($"choices[{choice}] has no 'message' object");

    private static ChatMessage? ReadAnswerMessage(ref Utf8JsonReader r)
    {
        if (!EnterObject(ref r)) return null;
        string? content = null, refusal = null;
        List<ToolCall>? calls = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("content"u8)) content = String(ref r);
            else if (r.ValueTextEquals("tool_calls"u8)) calls = ReadToolCalls(ref r);
            else if (r.ValueTextEquals("refusal"u8)) refusal = String(ref r);
            else Skip(ref r);
        }
        return new ChatMessage { Role = ChatRole.Assistant, Text = content, ToolCalls = calls, Refusal = refusal };
    }

    private static List<ToolCall>? ReadToolCalls(ref Utf8JsonReader r)
    {
        if (!EnterArray(ref r)) return null;
        var calls = new List<ToolCall>(1);
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); continue; }
            string? id = null, name = null, arguments = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("id"u8)) id = String(ref r);
                else if (r.ValueTextEquals("function"u8)) (name, arguments) = OpenAIChunkReader.ReadFunction(ref r);
                else Skip(ref r);
            }
            calls.Add(new ToolCall(id ?? "", name ?? "", arguments ?? "{}"));
        }
        return calls;
    }
}
