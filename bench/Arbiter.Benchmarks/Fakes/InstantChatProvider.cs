using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Providers;

namespace Arbiter.Benchmarks.Fakes;

/// <summary>A provider that answers at once with a prepared answer: what is left to time is the executor around it.</summary>
internal sealed class InstantChatProvider : IChatProvider
{
    private static readonly ChatResponse Answer = new()
    {
        Id = "bench",
        Created = 1,
        Model = "bench-model",
        Choices = [new ChatChoice(0, ChatMessage.Assistant("Hello"), FinishReason.Stop)],
        Usage = new TokenUsage { InputTokens = 10, OutputTokens = 2 },
    };

    private static readonly ChatStreamChunk[] Chunks =
    [
        new() { Id = "bench", Created = 1, Model = "bench-model", Choices = [new StreamChoice(0, new StreamDelta { Content = "Hel" })] },
        new() { Id = "bench", Created = 1, Model = "bench-model", Choices = [new StreamChoice(0, new StreamDelta { Content = "lo" })] },
    ];

    public string Name => "instant";
    public string Type => "fake";

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) => ValueTask.FromResult(Answer);

    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken) =>
        Stream(cancellationToken);

    private static async IAsyncEnumerable<ChatStreamChunk> Stream([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var c in Chunks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return c;
        }
        await Task.CompletedTask;
    }
}
