using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;

namespace Arbiter.Providers.Anthropic;

/// <summary>
/// Turns the events of one Anthropic stream into canonical chunks, in order, keeping what later events need:
/// the message id and model (from message_start), which content blocks are tool calls and their ordinal among
/// the tool calls (the canonical tool-call index), and the usage, which arrives in pieces.
/// <para>
/// message_start itself yields nothing: the assistant role rides on the first chunk with content, so an error
/// event right after message_start (Anthropic's usual overload) still fails before the first chunk and the
/// caller can fall back.
/// </para>
/// </summary>
internal sealed class AnthropicStreamTranslator(string fallbackModel, long created)
{
    /// <summary>Content block index to tool-call ordinal, for tool_use blocks only.</summary>
    private readonly Dictionary<int, int> _toolByBlock = [];
    private string _id = "";
    private string _model = fallbackModel;
    private AnthropicUsage _usage;
    private bool _roleSent;

    /// <summary>Translates one event's data (its JSON <c>type</c> names the event).</summary>
    public AnthropicStreamEvent Translate(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return AnthropicStreamEvent.None;
        var reader = new Utf8JsonReader(data);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("a stream event is not a JSON object");
        return LenientJson.Str(root, "type") switch
        {
            "message_start" => MessageStart(root),
            "content_block_start" => BlockStart(root),
            "content_block_delta" => BlockDelta(root),
            "message_delta" => MessageDelta(root),
            "message_stop" => AnthropicStreamEvent.Stop(UsageChunk()),
            "error" => ErrorEvent(root),
            _ => AnthropicStreamEvent.None, // ping, content_block_stop, and event types added later
        };
    }

    private AnthropicStreamEvent MessageStart(JsonElement root)
    {
        if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            _id = LenientJson.Str(message, "id") ?? _id;
            _model = LenientJson.Str(message, "model") ?? _model;
            if (message.TryGetProperty("usage", out var usage)) _usage = _usage.Apply(usage);
        }
        return AnthropicStreamEvent.None;
    }

    private AnthropicStreamEvent BlockStart(JsonElement root)
    {
        if (!root.TryGetProperty("content_block", out var block) || block.ValueKind != JsonValueKind.Object)
            return AnthropicStreamEvent.None;
        switch (LenientJson.Str(block, "type"))
        {
            case "tool_use":
                var ordinal = _toolByBlock.Count;
                _toolByBlock[LenientJson.Int(root, "index", -1)] = ordinal;
                return Content(new StreamDelta { ToolCalls = [new ToolCallDelta(ordinal, LenientJson.Str(block, "id") ?? "", LenientJson.Str(block, "name") ?? "", null)] });
            case "text" when LenientJson.Str(block, "text") is { Length: > 0 } text:
                return Content(new StreamDelta { Content = text });
            default:
                return AnthropicStreamEvent.None; // an empty text block, thinking, server tools
        }
    }

    private AnthropicStreamEvent BlockDelta(JsonElement root)
    {
        if (!root.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object)
            return AnthropicStreamEvent.None;
        switch (LenientJson.Str(delta, "type"))
        {
            case "text_delta" when LenientJson.Str(delta, "text") is { Length: > 0 } text:
                return Content(new StreamDelta { Content = text });
            case "input_json_delta" when LenientJson.Str(delta, "partial_json") is { Length: > 0 } json
                                         && _toolByBlock.TryGetValue(LenientJson.Int(root, "index", -1), out var ordinal):
                return Content(new StreamDelta { ToolCalls = [new ToolCallDelta(ordinal, null, null, json)] });
            default:
                return AnthropicStreamEvent.None; // thinking_delta, signature_delta, citations_delta, empty pieces
        }
    }

    private AnthropicStreamEvent MessageDelta(JsonElement root)
    {
        if (root.TryGetProperty("usage", out var usage)) _usage = _usage.Apply(usage);
        var stopReason = root.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object ? LenientJson.Str(delta, "stop_reason") : null;
        var finish = AnthropicStopReason.ToFinishReason(stopReason);
        return finish is null ? AnthropicStreamEvent.None : Content(StreamDelta.Empty, finish);
    }

    private AnthropicStreamEvent Content(StreamDelta delta, FinishReason? finish = null)
    {
        if (!_roleSent)
        {
            delta = delta with { Role = ChatRole.Assistant };
            _roleSent = true;
        }
        return AnthropicStreamEvent.Of(new ChatStreamChunk
        {
            Id = _id,
            Created = created,
            Model = _model,
            Choices = [new StreamChoice(0, delta, finish)],
        });
    }

    private ChatStreamChunk UsageChunk() => new()
    {
        Id = _id,
        Created = created,
        Model = _model,
        Usage = _usage.ToTokenUsage(),
    };

    /// <summary>Type and message of {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}.</summary>
    private static AnthropicStreamEvent ErrorEvent(JsonElement root)
    {
        if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            return AnthropicStreamEvent.Error(null, "unknown error");
        return AnthropicStreamEvent.Error(LenientJson.Str(error, "type"), LenientJson.Str(error, "message") ?? "unknown error");
    }
}
