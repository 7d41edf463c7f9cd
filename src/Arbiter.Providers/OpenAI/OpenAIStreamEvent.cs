using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Providers.OpenAI;

/// <summary>One SSE event of an OpenAI stream: a chunk, the [DONE] marker, or an in-band error object.</summary>
internal readonly record struct OpenAIStreamEvent(ChatStreamChunk? Chunk, bool IsDone, string? ErrorMessage)
{
    private static ReadOnlySpan<byte> Done => "[DONE]"u8;

    public static OpenAIStreamEvent Parse(ReadOnlySpan<byte> data, string fallbackModel)
    {
        if (data.SequenceEqual(Done)) return new(null, true, null);
        if (data.IsEmpty) return default;
        var reader = new Utf8JsonReader(data);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString() : error.ToString();
            return new(null, false, message ?? "unknown error");
        }
        return new(OpenAIResponseReader.ReadChunk(root, fallbackModel), false, null);
    }
}
