using System.Runtime.CompilerServices;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;

namespace Arbiter.Core.Tests.Cascade;

/// <summary>A provider that answers each model from a script: text, finish reason and usage, or an error.</summary>
internal sealed class ScriptedProvider : IChatProvider
{
    private readonly Dictionary<string, Func<ChatRequest, ChatResponse>> _answers = new(StringComparer.Ordinal);

    public string Name => "scripted";
    public string Type => "fake";
    public List<(string Model, bool Stream)> Calls { get; } = [];

    public ScriptedProvider Answer(string model, string text, FinishReason finish = FinishReason.Stop, long output = 100)
    {
        _answers[model] = _ => Response(model, text, finish, output);
        return this;
    }

    public ScriptedProvider Fail(string model, ErrorKind kind)
    {
        _answers[model] = _ => throw new ArbiterError(kind, $"{model} failed") { Provider = Name }.ToException();
        return this;
    }

    public ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        lock (Calls) Calls.Add((upstreamModel, false));
        return ValueTask.FromResult(_answers[upstreamModel](request));
    }

    public async IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Calls) Calls.Add((upstreamModel, true));
        await Task.Yield();
        foreach (var chunk in Arbiter.Core.Cascade.ResponseChunks.From(_answers[upstreamModel](request))) yield return chunk;
    }

    private static ChatResponse Response(string model, string text, FinishReason finish, long output) => new()
    {
        Id = "r-" + model,
        Created = 1,
        Model = model,
        Choices = [new ChatChoice(0, ChatMessage.Assistant(text), finish)],
        Usage = new TokenUsage { InputTokens = 1000, OutputTokens = output },
    };
}
