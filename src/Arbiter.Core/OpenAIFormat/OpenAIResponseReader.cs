using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Core.OpenAIFormat;

/// <summary>
/// Reads an upstream's chat.completion JSON (streamed chunks: <see cref="OpenAIChunkReader"/>). Lenient where servers
/// differ, strict where the answer would be meaningless: a body without choices throws
/// <see cref="InvalidDataException"/>, which the adapter reports as an upstream error.
/// </summary>
public static class OpenAIResponseReader
{
    public static ChatResponse ReadCompletion(JsonElement root, string fallbackModel)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("the answer has no 'choices' array");
        var list = new List<ChatChoice>(choices.GetArrayLength());
        var i = 0;
        foreach (var c in choices.EnumerateArray())
        {
            if (!c.TryGetProperty("message", out var m) || m.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"choices[{i}] has no 'message' object");
            var message = ReadAnswerMessage(m);
            list.Add(new ChatChoice(LenientJson.Int(c, "index", i), message, WireNames.ParseFinishReason(LenientJson.Str(c, "finish_reason"))));
            i++;
        }
        return new ChatResponse
        {
            Id = LenientJson.Str(root, "id") ?? "",
            Created = root.TryGetProperty("created", out var cr) && cr.TryGetInt64(out var created) ? created : 0,
            Model = LenientJson.Str(root, "model") ?? fallbackModel,
            Choices = list,
            Usage = root.TryGetProperty("usage", out var u) ? OpenAIUsage.Read(u) : null,
            SystemFingerprint = LenientJson.Str(root, "system_fingerprint"),
        };
    }

    private static ChatMessage ReadAnswerMessage(JsonElement m)
    {
        List<ToolCall>? calls = null;
        if (m.TryGetProperty("tool_calls", out var tc) && tc.ValueKind == JsonValueKind.Array)
        {
            calls = new List<ToolCall>(tc.GetArrayLength());
            foreach (var call in tc.EnumerateArray())
            {
                var f = call.TryGetProperty("function", out var fe) ? fe : default;
                calls.Add(new ToolCall(LenientJson.Str(call, "id") ?? "", f.ValueKind == JsonValueKind.Object ? LenientJson.Str(f, "name") ?? "" : "",
                    f.ValueKind == JsonValueKind.Object ? LenientJson.Str(f, "arguments") ?? "{}" : "{}"));
            }
        }
        return new ChatMessage
        {
            Role = ChatRole.Assistant,
            Text = LenientJson.Str(m, "content"),
            ToolCalls = calls,
            Refusal = LenientJson.Str(m, "refusal"),
        };
    }
}
