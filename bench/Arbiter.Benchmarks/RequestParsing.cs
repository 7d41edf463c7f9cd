using System.Buffers;
using System.Text.Json;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Benchmarks;

/// <summary>
/// What Arbiter.Server's ChatRequestBody.Parse does with the body Kestrel hands it (that type is internal to the
/// server, so it is replicated from its public pieces; keep the options in step with it).
/// </summary>
public static class RequestParsing
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ChatRequest Parse(ReadOnlySequence<byte> body)
    {
        using var doc = JsonDocument.Parse(body, Options);
        return OpenAIRequestReader.Read(doc.RootElement);
    }
}
