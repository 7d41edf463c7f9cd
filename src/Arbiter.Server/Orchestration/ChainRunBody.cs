using System.Text.Json;
using Arbiter.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>The body of <c>POST /v1/chains/NAME/runs</c>: <c>{"input": "..." or any JSON, "stream": bool}</c>.</summary>
internal sealed record ChainRunBody(string Input, bool Stream)
{
    public static async Task<ChainRunBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw Bad($"The body is larger than the limit of {maxBytes} bytes.", null);
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(request.Body, default, ct); }
        catch (JsonException ex) { throw Bad("The body is not valid JSON: " + ex.Message, null); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out var input) || input.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                throw Bad("Give the run's input: {\"input\": \"...\"} (a string, or any JSON value).", "input");
            var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("stream", out s) && s.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw Bad("'stream' must be true or false.", "stream");
            return new ChainRunBody(input.ValueKind == JsonValueKind.String ? input.GetString()! : input.GetRawText(), stream);
        }
    }

    private static ArbiterException Bad(string message, string? param) =>
        new ArbiterError(ErrorKind.InvalidRequest, message) { Param = param }.ToException();
}
