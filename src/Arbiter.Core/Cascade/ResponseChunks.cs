using Arbiter.Core.Chat;

namespace Arbiter.Core.Cascade;

/// <summary>A buffered answer as stream chunks: how a cascade streams the stage it accepted after gating it whole.</summary>
public static class ResponseChunks
{
    public static IReadOnlyList<ChatStreamChunk> From(ChatResponse response)
    {
        var chunks = new List<ChatStreamChunk>(4);
        ChatStreamChunk Chunk(IReadOnlyList<StreamChoice> choices) => new()
        {
            Id = response.Id, Created = response.Created, Model = response.Model, Choices = choices,
            SystemFingerprint = response.SystemFingerprint,
        };
        var first = true;
        foreach (var choice in response.Choices)
        {
            var m = choice.Message;
            var calls = m.ToolCalls?.Select((c, i) => new ToolCallDelta(i, c.Id, c.Name, c.Arguments)).ToList();
            var delta = new StreamDelta { Role = ChatRole.Assistant, Content = m.Text ?? (m.Parts is null ? null : m.AllText()), Refusal = m.Refusal, ToolCalls = calls };
            var chunk = Chunk([new StreamChoice(choice.Index, delta)]);
            chunks.Add(first ? chunk with { ProviderMetadata = response.ProviderMetadata } : chunk);
            chunks.Add(Chunk([new StreamChoice(choice.Index, StreamDelta.Empty, choice.FinishReason ?? FinishReason.Stop)]));
            first = false;
        }
        if (response.Usage is not null) chunks.Add(Chunk([]) with { Usage = response.Usage });
        return chunks;
    }
}
