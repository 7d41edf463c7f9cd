using System.Text;
using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Reads a non-streamed Anthropic message into a <see cref="ChatResponse"/>: text blocks joined, tool_use blocks
/// as tool calls (their input object as JSON text), thinking and server-tool blocks skipped. A body without a
/// <c>content</c> array throws <see cref="InvalidDataException"/>, which the adapter reports as an upstream error.
/// </summary>
internal static class AnthropicResponseReader
{
    public static ChatResponse Read(JsonElement root, string fallbackModel, long created)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException("the answer has no 'content' array");
        StringBuilder? text = null;
        List<ToolCall>? calls = null;
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind != JsonValueKind.Object) continue;
            switch (LenientJson.Str(block, "type"))
            {
                case "text":
                    (text ??= new StringBuilder()).Append(LenientJson.Str(block, "text"));
                    break;
                case "tool_use":
                    var input = block.TryGetProperty("input", out var i) && i.ValueKind == JsonValueKind.Object ? i.GetRawText() : "{}";
                    (calls ??= []).Add(new ToolCall(LenientJson.Str(block, "id") ?? "", LenientJson.Str(block, "name") ?? "", input));
                    break;
                // thinking, redacted_thinking, server_tool_use ...: not part of the canonical answer.
            }
        }
        var message = new ChatMessage
        {
            Role = ChatRole.Assistant,
            Text = text?.ToString() ?? (calls is null ? "" : null),
            ToolCalls = calls,
        };
        return new ChatResponse
        {
            Id = LenientJson.Str(root, "id") ?? "",
            Created = created,
            Model = LenientJson.Str(root, "model") ?? fallbackModel,
            Choices = [new ChatChoice(0, message, AnthropicStopReason.ToFinishReason(LenientJson.Str(root, "stop_reason")))],
            Usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object
                ? AnthropicUsage.From(u).ToTokenUsage()
                : null,
        };
    }
}
