using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.OpenAIFormat;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Http;

/// <summary>
/// Reads the request body straight from Kestrel's pipe (no copy), enforces the size limit (413) and parses it
/// into a <see cref="ChatRequest"/> (400 with the field at fault).
/// </summary>
internal static class ChatRequestBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Bodies up to this size are parsed where they were read; larger ones on the thread pool.</summary>
    internal const int InlineParseLimit = 256 * 1024;

    public static async ValueTask<ChatRequest> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        var reader = request.BodyReader;
        ReadResult result;
        while (true)
        {
            try { result = await reader.ReadAsync(ct); }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge) { throw TooLarge(limit); }
            if (result.Buffer.Length > limit)
            {
                reader.AdvanceTo(result.Buffer.End);
                throw TooLarge(limit);
            }
            if (result.IsCompleted || result.IsCanceled) break;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
        try
        {
            var body = result.Buffer;
            // With inline I/O this runs on the socket thread: a large body (inline images) is parsed on the thread pool
            // so that it does not hold up every other connection on that thread.
            return body.Length <= InlineParseLimit ? Parse(body) : await ParseOnThreadPoolAsync(body, ct);
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    // Its own method: a lambda in ReadAsync made every request allocate the closure, large body or not.
    private static Task<ChatRequest> ParseOnThreadPoolAsync(ReadOnlySequence<byte> body, CancellationToken ct) => Task.Run(() => Parse(body), ct);

    public static ChatRequest Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
            throw new ArbiterError(ErrorKind.InvalidRequest, "The request body is empty: send a JSON object with model and messages.") { Code = "invalid_json" }.ToException();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body, Options); }
        catch (JsonException ex)
        {
            throw new ArbiterError(ErrorKind.InvalidRequest, $"The request body is not valid JSON: {ex.Message}") { Code = "invalid_json" }.ToException();
        }
        using (doc)
        {
            try { return OpenAIRequestReader.Read(doc.RootElement); }
            catch (InvalidOperationException ex)
            {
                // Well-formed JSON whose strings cannot become text: a lone UTF-16 surrogate escape or invalid UTF-8.
                throw new ArbiterError(ErrorKind.InvalidRequest, $"The request body holds a string that is not valid text: {ex.Message}") { Code = "invalid_json" }.ToException();
            }
        }
    }

    private static ArbiterException TooLarge(long limit) =>
        new ArbiterError(ErrorKind.PayloadTooLarge, $"The request body is larger than the gateway's limit of {limit} bytes (server.max_body_bytes).").ToException();
}
