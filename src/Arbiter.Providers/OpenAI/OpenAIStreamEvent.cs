using System.Text.Json;
using Arbiter.Core.JsonReading;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Providers.Http;

namespace Arbiter.Providers.OpenAI;

/// <summary>
/// One SSE event of an OpenAI stream: a chunk, the [DONE] marker, or an in-band error object. For an error,
/// <see cref="ErrorType"/> is the error's code when that names a known kind (OpenAI puts <c>rate_limit_exceeded</c>
/// there, with a type such as <c>requests</c>), else its type.
/// </summary>
internal readonly record struct OpenAIStreamEvent(ChatStreamChunk? Chunk, bool IsDone, string? ErrorMessage, string? ErrorType = null)
{
    private static ReadOnlySpan<byte> Done => "[DONE]"u8;

    /// <param name="previous">The stream's previous chunk, whose repeated strings (id, model) are reused.</param>
    public static OpenAIStreamEvent Parse(ReadOnlySpan<byte> data, string fallbackModel, ChatStreamChunk? previous = null)
    {
        if (data.SequenceEqual(Done)) return new(null, true, null);
        if (data.IsEmpty) return default;
        if (OpenAIChunkReader.TryRead(data, fallbackModel, out var chunk, previous)) return new(chunk, false, null);
        // An in-band error is rare: read it with a document.
        var reader = new Utf8JsonReader(data);
        using var doc = JsonDocument.ParseValue(ref reader);
        return Error(doc.RootElement.GetProperty("error"));
    }

    private static OpenAIStreamEvent Error(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object) return new(null, false, error.ToString() is { Length: > 0 } text ? text : "unknown error");
        var message = LenientJson.Str(error, "message") ?? error.ToString();
        var code = LenientJson.Str(error, "code");
        var type = UpstreamErrors.IsKnownStreamErrorType(code) ? code : LenientJson.Str(error, "type") ?? code;
        return new(null, false, message, type);
    }
}
