using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using Arbiter.Server.Http;
using Microsoft.AspNetCore.Http;

namespace Arbiter.Server.Orchestration;

/// <summary>
/// Writes a composite answer in OpenAI's shape with Arbiter's metadata as an extra top-level <c>arbiter</c> field
/// (clients and the SDK ignore unknown fields): as one JSON body, or as SSE chunks of the final answer (composite
/// answers are decided before anything is sent, so the stream replays the decided answer).
/// </summary>
internal static class CompositeResponses
{
    public static Task WriteJsonAsync(HttpContext ctx, ChatResponse response, JsonObject metadata)
    {
        var node = JsonNode.Parse(Serialize(w => OpenAIResponseWriter.WriteCompletion(w, response)))!.AsObject();
        node["arbiter"] = metadata.DeepClone();
        return WriteAsync(ctx, 200, node);
    }

    public static async Task WriteAsync(HttpContext ctx, int status, JsonNode body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString(), ctx.RequestAborted);
    }

    /// <summary>Role, content and finish chunks per choice, then usage when asked for; the last chunk carries the metadata.</summary>
    public static async Task WriteStreamAsync(HttpContext ctx, ChatResponse response, JsonObject metadata, bool includeUsage)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        var chunks = new List<ChatStreamChunk>();
        ChatStreamChunk Chunk(StreamChoice choice) => new() { Id = response.Id, Created = response.Created, Model = response.Model, Choices = [choice] };
        foreach (var c in response.Choices)
        {
            chunks.Add(Chunk(new StreamChoice(c.Index, new StreamDelta { Role = ChatRole.Assistant, Content = "" }, null)));
            if (c.Message.AllText() is { Length: > 0 } text) chunks.Add(Chunk(new StreamChoice(c.Index, new StreamDelta { Content = text }, null)));
            chunks.Add(Chunk(new StreamChoice(c.Index, StreamDelta.Empty, c.FinishReason ?? FinishReason.Stop)));
        }
        if (includeUsage && response.Usage is not null)
            chunks.Add(new ChatStreamChunk { Id = response.Id, Created = response.Created, Model = response.Model, Usage = response.Usage });
        var sb = new StringBuilder();
        for (var i = 0; i < chunks.Count; i++)
        {
            var json = Serialize(w => OpenAIResponseWriter.WriteChunk(w, chunks[i], includeUsage));
            if (i == chunks.Count - 1)
            {
                var node = JsonNode.Parse(json)!.AsObject();
                node["arbiter"] = metadata.DeepClone();
                json = node.ToJsonString();
            }
            sb.Append("data: ").Append(json).Append("\n\n");
        }
        sb.Append("data: [DONE]\n\n");
        await ctx.Response.WriteAsync(sb.ToString(), ctx.RequestAborted);
    }

    private static string Serialize(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) write(w);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
